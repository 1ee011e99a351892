/** The local runtime serves the web console at the paths no API route has, and its local sign-in page. */
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { call, runtime } from '../support/http.ts';
import { newCreditCode } from '../support/data.ts';

const signIn = (form: Record<string, string>) =>
  fetch(`${runtime.url}/local/sign-in`, { method: 'POST', body: new URLSearchParams(form), redirect: 'manual' });

describe('the console on the local runtime', () => {
  it('answers its pages with the console and leaves the API routes to the API', async () => {
    for (const page of ['/', '/complain', '/track/abc', '/console']) {
      const response = await call('GET', page);
      expect(response.status).toBe(200);
      expect(response.contentType).toContain('text/html');
      expect(response.body).toContain('<div id="app">');
    }
    const script = /src="(\/assets\/[^"]+\.js)"/.exec((await call('GET', '/')).body)![1]!;
    const asset = await call('GET', script);
    expect(asset.status).toBe(200);
    expect(asset.contentType).toContain('text/javascript');
    expect((await call('GET', '/departments')).contentType).toContain('application/json');
    const missing = await call('GET', '/assets/none.js');
    expect(missing.status).toBe(404);
    expect(missing.contentType).toContain('application/problem+json');
    expect((await call('GET', '/config.json')).body).toEqual({ apiUrl: '', signInUrl: '/local/sign-in' });
  });

  it('signs in locally with the claims chosen, and refuses a form without what the role needs', async () => {
    const ent = newCreditCode();
    const response = await signIn({ role: 'enterprise', ent });
    expect(response.status).toBe(303);
    const token = /#access_token=(.+)$/.exec(response.headers.get('location')!)![1]!;
    expect(decodeJwt(token)).toMatchObject({ roles: ['enterprise'], ent, iss: 'https://soft-env.local/issuer' });
    expect((await call('GET', `/inspections?enterpriseId=${ent}`, { token })).status).toBe(200);

    const department = decodeJwt(
      /#access_token=(.+)$/.exec((await signIn({ role: 'department', dept: 'market-regulation' })).headers.get('location')!)![1]!,
    );
    expect(department).toMatchObject({ roles: ['department'], dept: 'market-regulation' });
    expect(department.ent).toBeUndefined();

    const badCode = await signIn({ role: 'enterprise', ent: '91350100M000100Y44' });
    expect(badCode.status).toBe(400);
    expect(await badCode.text()).toContain('统一社会信用代码无效');
    expect((await signIn({ role: 'department' })).status).toBe(400);
    expect((await signIn({ role: 'root' })).status).toBe(400);
  });
});
