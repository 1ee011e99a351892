/**
 * /docs: the OpenAPI document in Swagger UI, served from the swagger-ui-dist package (no CDN:
 * county networks and this machine may not reach one). The local gateway serves these files;
 * in AWS the console's site deploys them under /docs/. The page reads /docs/openapi.json.
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
const INIT = `window.ui = SwaggerUIBundle({ url: '/docs/openapi.json', dom_id: '#api', deepLinking: true });\n`;

export interface DocsFile { key: string; contentType: string; body: () => string | Buffer }

/** The files of /docs, by their path under it. */
export const docsFiles: readonly DocsFile[] = [
  { key: 'index.html', contentType: 'text/html; charset=utf-8', body: () => PAGE },
  { key: 'init.js', contentType: 'text/javascript; charset=utf-8', body: () => INIT },
  { key: 'openapi.json', contentType: 'application/json', body: () => JSON.stringify(openApiDocument()) },
  { key: 'swagger-ui.css', contentType: 'text/css; charset=utf-8', body: () => readFileSync(path.join(swaggerUiDir(), 'swagger-ui.css')) },
  { key: 'swagger-ui-bundle.js', contentType: 'text/javascript; charset=utf-8', body: () => readFileSync(path.join(swaggerUiDir(), 'swagger-ui-bundle.js')) },
];

/** The /docs file a request path asks for (/docs and /docs/ are the page), if any. */
export function docsFileFor(pathname: string): DocsFile | undefined {
  if (pathname === '/docs' || pathname === '/docs/') return docsFiles[0];
  return pathname.startsWith('/docs/') ? docsFiles.find((file) => `/docs/${file.key}` === pathname) : undefined;
}
