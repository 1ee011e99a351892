/**
 * The API's reference as static files, built from the route declarations at synth (or start)
 * time: /openapi.json, the OpenAPI document, and /docs, that document in Swagger UI served from
 * the swagger-ui-dist package (no CDN: county networks and this machine may not reach one). The
 * local gateway serves these files; in AWS the console's site deploys them into its bucket. No
 * Lambda serves the document: building it needs every concern's routes and schemas, which would
 * make one function's bundle carry the whole API.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { openApiDocument } from './openapi.ts';

const swaggerUiDir = () => path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>soft-env API</title>
  <link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
  <div id="api"></div>
  <script src="/docs/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// A file, not an inline script: the site's Content-Security-Policy allows scripts from itself only.
const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api', deepLinking: true });\n`;

/** A file of the reference: `key` is its path under the site's root (its object key in the bucket). */
export interface DocsFile {
  key: string;
  contentType: string;
  body: () => string | Buffer;
}

/** The reference's files: the document, then the /docs page and what it loads. */
export const docsFiles: readonly DocsFile[] = [
  { key: 'openapi.json', contentType: 'application/json', body: () => JSON.stringify(openApiDocument()) },
  { key: 'docs/index.html', contentType: 'text/html; charset=utf-8', body: () => PAGE },
  { key: 'docs/init.js', contentType: 'text/javascript; charset=utf-8', body: () => INIT },
  {
    key: 'docs/swagger-ui.css',
    contentType: 'text/css; charset=utf-8',
    body: () => readFileSync(path.join(swaggerUiDir(), 'swagger-ui.css')),
  },
  {
    key: 'docs/swagger-ui-bundle.js',
    contentType: 'text/javascript; charset=utf-8',
    body: () => readFileSync(path.join(swaggerUiDir(), 'swagger-ui-bundle.js')),
  },
];

/** The reference's file a request path asks for (/docs and /docs/ are the page), if any. */
export function docsFileFor(pathname: string): DocsFile | undefined {
  const key = pathname === '/docs' || pathname === '/docs/' ? 'docs/index.html' : pathname.slice(1);
  return docsFiles.find((file) => file.key === key);
}
