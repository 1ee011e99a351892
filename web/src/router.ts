/** The console's pages are real paths (/, /complain, /track/{code}, /console): links move without reloading. */
import { signal } from './state.ts';

export const path = signal(location.pathname);
addEventListener('popstate', () => path.set(location.pathname));

export function navigate(to: string) {
  history.pushState(null, '', to);
  path.set(new URL(to, location.href).pathname);
  scrollTo(0, 0);
}

/** A plain link that the router follows in place (a new tab still works). */
export function onLinkClick(event: MouseEvent) {
  const link = (event.target as Element).closest('a');
  if (!link || link.target || link.hasAttribute('download') || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0)
    return;
  const url = new URL(link.href);
  if (url.origin !== location.origin || !/^\/($|complain$|track\/|console$)/.test(url.pathname)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
}
