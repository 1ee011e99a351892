/**
 * What a bearer token must be to be accepted, locally (the gateway's authorizer twin) and by the
 * handler-side verifier alike: it says when it was issued and when it expires, it was not issued
 * in the future (beyond a little clock skew), and it lives at most a day. Cognito's tokens last
 * 5 minutes to 1 day, so a longer one was not issued for this API.
 */
import type { JWTPayload, JWTVerifyOptions } from 'jose';

export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;
export const CLOCK_SKEW_SECONDS = 60;

/** jose's jwtVerify options for the claims above (exp and iat present, iat not ahead, age bounded). */
export const tokenClaimOptions: JWTVerifyOptions = {
  requiredClaims: ['exp', 'iat', 'sub'],
  maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
  clockTolerance: CLOCK_SKEW_SECONDS,
};

/** Why a verified payload is still refused, or undefined: its lifetime (exp - iat) is too long. */
export function lifetimeProblem(payload: JWTPayload): string | undefined {
  if (typeof payload.exp !== 'number' || typeof payload.iat !== 'number') return 'the token needs exp and iat';
  if (payload.exp - payload.iat > MAX_TOKEN_LIFETIME_SECONDS) return 'the token is valid for more than a day';
  return undefined;
}
