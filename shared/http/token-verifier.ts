/**
 * Verifies a bearer token in the handler, for public routes that record a token when one is
 * given (API Gateway's authorizer does not run there): signature against the issuer's published
 * keys, issuer, audience and expiry, as the JWT authorizer would, and the lifetime policy of
 * token-policy.ts (an expiry, issued in the past, valid at most a day).
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { config } from '../config.ts';
import { UnauthorizedError } from './errors.ts';
import { lifetimeProblem, tokenClaimOptions } from './token-policy.ts';

const keys = config.JWKS_URL ? createRemoteJWKSet(new URL(config.JWKS_URL), { cacheMaxAge: 10 * 60_000 }) : undefined;

export async function verifyBearer(authorization: string): Promise<Record<string, unknown>> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
  if (!token || !keys) throw new UnauthorizedError('The bearer token could not be verified.');
  try {
    const { payload } = await jwtVerify(token, keys, {
      ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}),
      ...(config.JWT_AUDIENCE
        ? {
            audience: config.JWT_AUDIENCE.split(',')
              .map((audience) => audience.trim())
              .filter(Boolean),
          }
        : {}),
      ...tokenClaimOptions,
    });
    if (!lifetimeProblem(payload)) return payload;
  } catch {
    // any failed check: refused below, without saying which
  }
  throw new UnauthorizedError('The bearer token is not valid; send a valid one or none.');
}
