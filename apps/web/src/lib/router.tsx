import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useCallback, useSyncExternalStore } from 'react';

/**
 * A tiny history-API router: three routes do not need a dependency. `navigate` pushes a path and
 * notifies every `usePath` subscriber.
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const currentPath = (): string => window.location.pathname;

/** Goes to `path` without reloading the page. */
export function navigate(path: string): void {
  if (path === currentPath()) return;
  window.history.pushState(null, '', path);
  for (const listener of listeners) listener();
}

/** The current location path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export type Route =
  | { name: 'flows' }
  | { name: 'editor'; flowId: string }
  | { name: 'external-stages' }
  | { name: 'not-found' };

/** Maps a path to a route: `/` the flow list, `/flows/:id` the editor, `/external-stages`. */
export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'flows' };
  if (/^\/external-stages\/?$/.test(path)) return { name: 'external-stages' };
  const editor = /^\/flows\/([^/]+)\/?$/.exec(path);
  if (editor?.[1]) return { name: 'editor', flowId: decodeURIComponent(editor[1]) };
  return { name: 'not-found' };
}

/** A plain link that navigates in-app on a normal click and lets modified clicks open tabs. */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const { href, onClick } = props;
  const handleClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(event);
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(href);
    },
    [href, onClick],
  );
  return <a {...props} onClick={handleClick} />;
}
