/**
 * The one tRPC client and QueryClient of the app. Subscriptions go over SSE
 * (httpSubscriptionLink), everything else is batched over HTTP. The access token, when the page
 * got one, goes as a Bearer header, and as `?token=` on SSE, which cannot send headers.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  TRPCClientError,
} from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';

import type { AppRouter } from '@sluice/server';

import { accessToken } from './access-token';
import { isUnauthorized, noteCallError } from './unauthorized';

export { errorMessage } from './error-message';

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: noteCallError }),
  mutationCache: new MutationCache({ onError: noteCallError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 1 && !isUnauthorized(error),
      refetchOnWindowFocus: false,
    },
  },
});

const authHeaders: Record<string, string> =
  accessToken === undefined ? {} : { Authorization: `Bearer ${accessToken}` };
const subscriptionUrl =
  accessToken === undefined ? '/trpc' : `/trpc?token=${encodeURIComponent(accessToken)}`;

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (op) => op.type === 'subscription',
      true: httpSubscriptionLink({ url: subscriptionUrl }),
      false: httpBatchLink({ url: '/trpc', headers: authHeaders }),
    }),
  ],
});

/** Query and mutation options for every procedure: `useQuery(trpc.flow.list.queryOptions())`. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** True when the error is the server's CONFLICT (stale save, duplicate name). */
export function isConflict(error: unknown): boolean {
  return error instanceof TRPCClientError && readCode(error) === 'CONFLICT';
}

function readCode(error: { data: unknown }): string | undefined {
  const data = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return undefined;
  return typeof data.code === 'string' ? data.code : undefined;
}
