/** The console: one page app over the API, Chinese first. */
import { render } from 'preact';
import { lazy, Suspense } from 'preact/compat';
import { loadConfig } from './api/client.ts';
import { lang, setLang, t, W } from './i18n.ts';
import { ComplainPage } from './pages/Complain.tsx';
import { PublicPage } from './pages/Public.tsx';
import { TrackPage } from './pages/Track.tsx';
import { onLinkClick, path } from './router.ts';
import { session } from './session.ts';
import { completeSignIn } from './sign-in.ts';
import { SignIn } from './components/SignIn.tsx';
import { useSignal } from './state.ts';
import './style.css';

// The console's pages (each role's workbench) load only when someone opens /console: the public
// pages and the complaint form stay light on a phone.
const ConsolePage = lazy(() => import('./pages/Console.tsx').then((module) => ({ default: module.ConsolePage })));

function Page({ at }: { at: string }) {
  if (at === '/complain') return <ComplainPage />;
  if (at.startsWith('/track/')) return <TrackPage code={decodeURIComponent(at.slice('/track/'.length))} />;
  if (at === '/track') return <TrackPage code="" />;
  if (at === '/console')
    return (
      <Suspense fallback={<p class="muted">{t(W.loading)}</p>}>
        <ConsolePage />
      </Suspense>
    );
  return <PublicPage />;
}

function App() {
  const at = useSignal(path);
  const current = useSignal(session);
  useSignal(lang);
  const nav: [string, string][] = [
    ['/', t(W.home)],
    ['/complain', t(W.complain)],
    ['/track', t(W.track)],
    ['/console', t(W.console)],
  ];
  return (
    <div onClick={onLinkClick}>
      <a class="skip" href="#main">
        {lang.get() === 'zh' ? '跳到正文' : 'Skip to content'}
      </a>
      <header>
        <p class="brand">{t(W.app)}</p>
        <nav aria-label={lang.get() === 'zh' ? '主导航' : 'Main'}>
          <ul>
            {nav.map(([href, label]) => (
              <li key={href}>
                <a href={href} aria-current={at === href || (href === '/track' && at.startsWith('/track')) ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <div class="tools">
          <button type="button" lang={lang.get() === 'zh' ? 'en' : 'zh-CN'} onClick={() => setLang(lang.get() === 'zh' ? 'en' : 'zh')}>
            {t(W.language)}
          </button>
          {current ? (
            <button type="button" onClick={() => session.set(undefined)}>
              {t(W.signOut)}
            </button>
          ) : (
            <SignIn />
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <Page at={at} />
      </main>
    </div>
  );
}

document.documentElement.lang = lang.get() === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('app');
if (root)
  void loadConfig()
    .then(completeSignIn)
    .then(() => render(<App />, root));
