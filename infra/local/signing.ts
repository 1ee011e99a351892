/**
 * The local stand-in for Cognito: an ES256 key kept under DATA_DIR signs tokens with the
 * claims of docs/api.md (roles and tokens), and the local gateway verifies them as API Gateway's JWT
 * authorizer would (signature, issuer, audience, expiry), and refuses tokens without an expiry or
 * valid for more than a day (../../shared/http/token-policy.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { lifetimeProblem, tokenClaimOptions } from '#shared/http/token-policy';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import type { Caller } from '#shared/http/auth';

export const LOCAL_ISSUER = 'https://soft-env.local/issuer';
export const LOCAL_AUDIENCE = 'soft-env-api';
const ALGORITHM = 'ES256';
const LOCAL_KEY_ID = 'soft-env-local';

export interface LocalKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
}

export async function loadOrCreateKeys(dataDir: string): Promise<LocalKeys> {
  const file = path.join(dataDir, 'local-signing-key.json');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
    try {
      writeFileSync(file, JSON.stringify(await exportJWK(privateKey)), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  const { d: _private, ...publicJwk } = jwk;
  return {
    privateKey: (await importJWK(jwk, ALGORITHM)) as CryptoKey,
    publicKey: (await importJWK(publicJwk, ALGORITHM)) as CryptoKey,
    publicJwk: { ...publicJwk, alg: ALGORITHM, use: 'sig', kid: LOCAL_KEY_ID },
  };
}

/** A caller's claims; any role text may be signed, so the tests can try roles the API refuses. */
export type TokenClaims = Omit<Caller, 'roles'> & { roles: string[] };

/** `expiresIn` is a span ('12h') or an absolute time in epoch seconds. */
export async function signToken(keys: LocalKeys, claims: TokenClaims, expiresIn: string | number = '12h'): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT', kid: LOCAL_KEY_ID })
    .setSubject(sub)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keys.privateKey);
}

/** Verifies a bearer token; undefined when it is missing or not valid. */
export async function verifyToken(keys: LocalKeys, token: string): Promise<JWTPayload | undefined> {
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: [ALGORITHM],
      ...tokenClaimOptions,
    });
    return lifetimeProblem(payload) ? undefined : payload;
  } catch {
    return undefined;
  }
}

/** Claims as API Gateway hands them to a Lambda: strings, arrays as "[a b]". */
export function claimsForEvent(payload: JWTPayload): Record<string, string | number | boolean> {
  const claims: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[key] = `[${value.join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[key] = value;
    else claims[key] = JSON.stringify(value);
  }
  return claims;
}
