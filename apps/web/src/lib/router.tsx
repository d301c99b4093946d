import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { useCallback, useEffect, useSyncExternalStore } from 'react';

/**
 * A tiny history-API router: three routes do not need a dependency. `navigate` pushes a path and
 * notifies every `usePath` subscriber. A page with something to lose sets a leave guard: every
 * in-app navigation and every Back or Forward then waits for the person's answer.
 */
const listeners = new Set<() => void>();

/** Asked before leaving; calls `leave` if the person agrees, and does nothing to stay. */
export type LeaveGuard = (leave: () => void) => void;

let guard: LeaveGuard | undefined;

/** Each entry the router pushes carries its position, so a Back or Forward can be undone. */
interface EntryState {
  index: number;
}

function entryIndex(state: unknown): number {
  if (typeof state !== 'object' || state === null || !('index' in state)) return 0;
  return typeof state.index === 'number' ? state.index : 0;
}

/** The path the app shows, which lags the address bar while a Back waits for the guard. */
let shown = { path: window.location.pathname, index: entryIndex(window.history.state) };
window.history.replaceState({ index: shown.index } satisfies EntryState, '');

/** The next pop is the router's own: undoing a held Back or Forward, or carrying it out. */
let ownPop: 'restore' | 'leave' | undefined;

function notify() {
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', (event) => {
  const index = entryIndex(event.state);
  const own = ownPop;
  ownPop = undefined;
  if (own === 'restore') return;
  const delta = index - shown.index;
  if (guard && own !== 'leave' && delta !== 0) {
    ownPop = 'restore';
    window.history.go(-delta);
    guard(() => {
      ownPop = 'leave';
      window.history.go(delta);
    });
    return;
  }
  shown = { path: window.location.pathname, index };
  notify();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const currentPath = (): string => shown.path;

function push(path: string): void {
  shown = { path, index: shown.index + 1 };
  window.history.pushState({ index: shown.index } satisfies EntryState, '', path);
  notify();
}

/**
 * Goes to `path` without reloading the page, once the leave guard (if any) agrees. `force` skips
 * the guard, for a page that has just put its work somewhere safe (saved as a copy, say).
 */
export function navigate(path: string, options: { force?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (guard && !options.force) guard(() => push(path));
  else push(path);
}

/** Holds every navigation away for `ask` while it is set (unset it when nothing would be lost). */
export function useLeaveGuard(ask: LeaveGuard | undefined): void {
  useEffect(() => {
    if (!ask) return;
    guard = ask;
    return () => {
      if (guard === ask) guard = undefined;
    };
  }, [ask]);
}

/** The current location path; re-renders on navigation. */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export type Route =
  | { name: 'flows' }
  | { name: 'editor'; flowId: string; runId?: string }
  | { name: 'external-stages' }
  | { name: 'not-found' };

/** The address of a past run, shown read-only on the version it ran. */
export const pastRunPath = (flowId: string, runId: string): string =>
  `/flows/${encodeURIComponent(flowId)}/runs/${encodeURIComponent(runId)}`;

/**
 * Maps a path to a route: `/` the flow list, `/flows/:id` the editor, `/flows/:id/runs/:runId`
 * a past run in the editor, `/external-stages`.
 */
export function matchRoute(path: string): Route {
  if (path === '/' || path === '') return { name: 'flows' };
  if (/^\/external-stages\/?$/.test(path)) return { name: 'external-stages' };
  const editor = /^\/flows\/([^/]+)\/?$/.exec(path);
  if (editor?.[1]) return { name: 'editor', flowId: decodeURIComponent(editor[1]) };
  const run = /^\/flows\/([^/]+)\/runs\/([^/]+)\/?$/.exec(path);
  if (run?.[1] && run[2]) {
    return {
      name: 'editor',
      flowId: decodeURIComponent(run[1]),
      runId: decodeURIComponent(run[2]),
    };
  }
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
