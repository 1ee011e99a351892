/** The demo's client of the local API: calls with local tokens, and the small helpers every part shares. */
import { loadOrCreateKeys, signToken, type TokenClaims } from '../signing.ts';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The fields the demo reads back (ids, the clock) are strings. */
export type Call = (method: string, route: string, token?: string, json?: unknown) => Promise<Record<string, string>>;

export async function clientFor(url: string, dataDir: string) {
  const keys = await loadOrCreateKeys(dataDir);
  const token = (claims: TokenClaims) => signToken(keys, claims);
  const call: Call = async (method, route, bearer, json) => {
    for (;;) {
      const response = await fetch(`${url}${route}`, {
        method,
        headers: {
          ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      // Complaint intake is throttled: wait and ask again.
      if (response.status === 429) {
        await sleep(500);
        continue;
      }
      const body = (await response.json().catch(() => ({}))) as Record<string, string>;
      if (response.status >= 400) throw new Error(`demo: ${method} ${route} answered ${response.status}: ${JSON.stringify(body)}`);
      return body;
    }
  };
  const tokens = {
    office: await token({ sub: 'office-chen', roles: ['soft-env-office'] }),
    park: await token({ sub: 'park-lin', roles: ['park-office'] }),
    supervisor: await token({ sub: 'supervisor-zhao', roles: ['supervisor'] }),
    /** A second supervisor: an appeal is ruled on by one other than the decider. */
    secondSupervisor: await token({ sub: 'supervisor-qian', roles: ['supervisor'] }),
    centre: await token({ sub: 'centre-wu', roles: ['service-centre'] }),
    dept: (dept: string) => token({ sub: `clerk@${dept}`, roles: ['department'], dept }),
    ent: (ent: string) => token({ sub: `owner@${ent}`, roles: ['enterprise'], ent }),
  };
  /** The enterprise refuses a charge it got no service for (拒缴): a complaint and an alert follow. */
  const refuseCharge = async (enterpriseId: string, entryId: string | undefined, reason: string) =>
    call('POST', `/fee-cards/${enterpriseId}/entries/${entryId}/refusal`, await tokens.ent(enterpriseId), {
      reason,
      category: 'fee-without-service',
    });
  /** A department records a charge on an enterprise's card (登记收费). */
  const recordCharge = (token: string, enterpriseId: string, charge: object) =>
    call('POST', `/fee-cards/${enterpriseId}/entries`, token, charge);
  return { call, tokens, refuseCharge, recordCharge };
}

export type Client = Awaited<ReturnType<typeof clientFor>>;
