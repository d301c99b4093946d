import { useSyncExternalStore } from 'react';
import { TRPCClientError } from '@trpc/client';

/**
 * Whether the server refused a call for a missing or wrong access token. Once it has, every
 * other call will fail the same way, so the app shows one full-page explanation instead.
 */
let refused = false;
const listeners = new Set<() => void>();

/** True when the error is the server's UNAUTHORIZED (HTTP 401). */
export function isUnauthorized(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data: unknown = error.data;
  if (typeof data === 'object' && data !== null && 'code' in data && data.code === 'UNAUTHORIZED') {
    return true;
  }
  // The access-token guard answers before tRPC does, so its 401 is not a tRPC error shape.
  const response: unknown = error.meta?.response;
  return response instanceof Response && response.status === 401;
}

/** Query and mutation caches call this with every error. */
export function noteCallError(error: unknown): void {
  if (refused || !isUnauthorized(error)) return;
  refused = true;
  for (const listener of listeners) listener();
}

/** True once the server has refused the access token. */
export function useUnauthorized(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => refused,
  );
}
