/**
 * The local gateway on the real route declarations (with stand-in Lambdas): complaint intake
 * is throttled as API Gateway throttles it, other routes are not, and unknown routes are 404.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { concerns } from '../../infra/concerns.ts';
import { compileRoutes, createGateway, type LambdaHandler } from '../../infra/local/gateway.ts';
import { loadOrCreateKeys } from '../../infra/local/signing.ts';
import { INTAKE_THROTTLE } from '../../functions/complaints/routes.ts';

const runtime = inject('runtime');
const calls: string[] = [];
const echo: LambdaHandler = async (event) => {
  calls.push(event.routeKey);
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ routeKey: event.routeKey, params: event.pathParameters ?? null }),
  };
};
let url: string;
let server: ReturnType<typeof createGateway>;

beforeAll(async () => {
  const handlers = Object.fromEntries(concerns.map((concern) => [concern.name, echo]));
  server = createGateway({ routes: compileRoutes(concerns, handlers), keys: await loadOrCreateKeys(runtime.dataDir) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the local gateway', () => {
  it('throttles complaint intake at its declared burst, with a problem+json 429, before the Lambda runs', async () => {
    const before = calls.filter((key) => key === 'POST /complaints').length;
    const responses = await Promise.all(
      Array.from({ length: INTAKE_THROTTLE.burstLimit + 10 }, () =>
        fetch(`${url}/complaints`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    // The bucket refills while the requests arrive: at most a quarter second's worth more than the burst.
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(
      INTAKE_THROTTLE.burstLimit + INTAKE_THROTTLE.rateLimit / 4,
    );
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10 - INTAKE_THROTTLE.rateLimit / 4);
    const throttled = responses.find((response) => response.status === 429)!;
    expect(throttled.headers.get('content-type')).toBe('application/problem+json');
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(throttled.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await throttled.json()).toMatchObject({ status: 429 });
    expect(calls.filter((key) => key === 'POST /complaints').length - before).toBe(statuses.filter((status) => status === 200).length);
  });

  it('leaves other public routes unthrottled, and matches the static segment before a parameter', async () => {
    const responses = await Promise.all(Array.from({ length: 30 }, () => fetch(`${url}/departments`)));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const track = await (await fetch(`${url}/complaints/track/abc`)).json();
    expect(track).toEqual({ routeKey: 'GET /complaints/track/{trackingCode}', params: { trackingCode: 'abc' } });
  });

  it("serves the issuer's public key and no private part", async () => {
    const jwks = (await (await fetch(`${url}/.well-known/jwks.json`)).json()) as any;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(jwks.keys[0].d).toBeUndefined();
  });
});
