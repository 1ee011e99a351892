/** The sign-in: a link to the local sign-in page, or a button that starts the user pool's PKCE sign-in. */
import { config } from '../api/client.ts';
import { signInHref, startSignIn } from '../sign-in.ts';
import { t, W } from '../i18n.ts';

export const canSignIn = (): boolean => Boolean(signInHref() ?? config.oauth);

export function SignIn({ linkClass }: { linkClass?: string }) {
  const href = signInHref();
  if (href)
    return (
      <a class={linkClass} href={href}>
        {t(W.signIn)}
      </a>
    );
  if (!config.oauth) return null;
  return (
    <button type="button" onClick={() => void startSignIn()}>
      {t(W.signIn)}
    </button>
  );
}
