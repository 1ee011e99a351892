/**
 * Signing in. Locally: the local runtime's sign-in page, which comes back to
 * /console#access_token=... In AWS: the user pool's managed login, authorization code with PKCE
 * (config.json's `oauth`); back on /console?code=..., the code is exchanged for the ID token,
 * which carries the roles, department and enterprise the API reads.
 */
import { config } from './api/client.ts';
import { session, tokenSession } from './session.ts';

const VERIFIER = 'soft-env.pkce-verifier';
const STATE = 'soft-env.pkce-state';
const redirectUri = () => `${location.origin}/console`;

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const randomText = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** Where the sign-in link goes (a page), or undefined when signing in starts a PKCE redirect. */
export const signInHref = (): string | undefined => (config.oauth ? undefined : config.signInUrl);

export async function startSignIn(): Promise<void> {
  const oauth = config.oauth;
  if (!oauth) {
    if (config.signInUrl) location.assign(config.signInUrl);
    return;
  }
  const verifier = randomText();
  const state = randomText();
  sessionStorage.setItem(VERIFIER, verifier);
  sessionStorage.setItem(STATE, state);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: oauth.clientId,
    redirect_uri: redirectUri(),
    scope: oauth.scope ?? 'openid email',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
  });
  location.assign(`${oauth.authorizeUrl}?${query}`);
}

/** Back from the managed login with a code: exchange it (once) and clean the address bar. */
export async function completeSignIn(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!config.oauth || !code) return;
  const verifier = sessionStorage.getItem(VERIFIER);
  const expected = sessionStorage.getItem(STATE);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  history.replaceState(null, '', location.pathname);
  if (!verifier || params.get('state') !== expected) return;
  const response = await fetch(config.oauth.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: config.oauth.clientId,
      code,
      redirect_uri: redirectUri(),
      code_verifier: verifier,
    }),
  });
  if (!response.ok) return;
  const { id_token: idToken } = (await response.json()) as { id_token?: string };
  if (idToken) session.set(tokenSession(idToken));
}
