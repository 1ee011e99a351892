/**
 * The web console on the local runtime: web/dist at the API's origin (the console owns `/` and
 * its page paths; every API route keeps its own), its config.json, and the local sign-in page
 * that issues local tokens (role, department, enterprise). The sign-in page exists only here:
 * it is not part of web/dist and is never deployed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROLES } from '#shared/http/auth';
import { isValidCreditCode } from '#shared/domain/credit-code';
import { deptIdSchema } from '#shared/http/validation';
import { signToken, type LocalKeys } from './signing.ts';

export const SIGN_IN_PATH = '/local/sign-in';
/** The console's pages: each answers index.html, and the console routes in the browser. */
const PAGE = /^\/(complain|track(\/[^/]+)?|console)?$/;
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

const html = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'self'; style-src 'unsafe-inline'",
  });
  res.end(body);
};

/** Answers the console's requests; false when the request is the API's. */
export async function serveConsole(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: { dist: string; keys: LocalKeys },
): Promise<boolean> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname === SIGN_IN_PATH) {
    if (method === 'GET') {
      html(res, 200, signInPage());
      return true;
    }
    if (method === 'POST') {
      await signIn(req, res, options.keys);
      return true;
    }
    return false;
  }
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (url.pathname === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ apiUrl: '', signInUrl: SIGN_IN_PATH }));
    return true;
  }
  const file = PAGE.test(url.pathname)
    ? 'index.html'
    : url.pathname.startsWith('/assets/') || url.pathname === '/favicon.svg'
      ? url.pathname.slice(1)
      : undefined;
  if (!file) return false;
  const full = path.join(options.dist, file);
  if (!full.startsWith(options.dist + path.sep) || !existsSync(full)) {
    if (file === 'index.html') {
      html(res, 503, '<p>The web console is not built: run <code>npm run build:web</code>.</p>');
      return true;
    }
    return false;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(full)] ?? 'application/octet-stream',
    // The assets' names carry their hash; the page itself is always asked for again.
    'cache-control': file === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  res.end(method === 'HEAD' ? undefined : readFileSync(full));
  return true;
}

const ROLE_NAMES: Record<string, string> = {
  enterprise: '企业 Enterprise',
  department: '部门 Department',
  'soft-env-office': '软环境办 Soft-environment office',
  supervisor: '监督人员 Supervisor',
  'park-office': '园区办 Park office',
  'service-centre': '帮办服务中心 Assistance centre',
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(error?: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><title>本地登录 Local sign-in · soft-env</title>
<style>body{font-family:"Noto Sans CJK SC",system-ui,sans-serif;max-width:520px;margin:24px auto;padding:0 16px;line-height:1.6}
label{display:block;font-weight:600;margin-top:12px}input,select,button{font:inherit;padding:8px;width:100%;box-sizing:border-box}
button{margin-top:16px;background:#1f6feb;color:#fff;border:0;border-radius:6px}.note{color:#5b6675}.problem{color:#b42318}</style></head>
<body><main><h1>本地登录 Local sign-in</h1>
<p class="note">仅用于本机运行环境:签发本地令牌,不会部署到云端。Only on the local runtime: issues a local token; never deployed.</p>
${error ? `<p class="problem" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}">
<label for="role">身份 Role</label><select id="role" name="role" required>${ROLES.map((role) => `<option value="${role}">${escape(ROLE_NAMES[role] ?? role)}</option>`).join('')}</select>
<label for="dept">部门编号 Department id (部门必填 for a department)</label><input id="dept" name="dept" autocomplete="off" placeholder="market-regulation">
<label for="ent">统一社会信用代码 Credit code (企业必填 for an enterprise)</label><input id="ent" name="ent" autocomplete="off" maxlength="18">
<label for="sub">姓名 Name (选填 optional)</label><input id="sub" name="sub" autocomplete="name">
<button type="submit">登录 Sign in</button></form></main></body></html>`;
}

async function signIn(req: IncomingMessage, res: ServerResponse, keys: LocalKeys): Promise<void> {
  let body = '';
  for await (const chunk of req) {
    body += (chunk as Buffer).toString();
    if (body.length > 4096) return html(res, 413, signInPage('请求过大 Too large'));
  }
  const form = new URLSearchParams(body);
  const role = form.get('role') ?? '';
  const dept = (form.get('dept') ?? '').trim();
  const ent = (form.get('ent') ?? '').trim().toUpperCase();
  const name = (form.get('sub') ?? '').trim().slice(0, 100);
  if (!(ROLES as readonly string[]).includes(role)) return html(res, 400, signInPage('请选择身份 Choose a role'));
  if (role === 'department' && !deptIdSchema.safeParse(dept).success)
    return html(res, 400, signInPage('请填写部门编号 Enter the department id'));
  if (role === 'enterprise' && !isValidCreditCode(ent))
    return html(res, 400, signInPage('统一社会信用代码无效 The credit code is not valid'));
  const token = await signToken(keys, {
    sub: name || `${role}${role === 'department' ? `:${dept}` : ''}${role === 'enterprise' ? `:${ent}` : ''}`,
    roles: [role],
    ...(role === 'department' ? { dept } : {}),
    ...(role === 'enterprise' ? { ent } : {}),
  });
  res.writeHead(303, { location: `/console#access_token=${token}`, 'cache-control': 'no-store' });
  res.end();
}
