import type { TRPCClient } from '@trpc/client';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';

import type { AppRouter } from '../src/root';
import type { RunDetail } from '../src/runs/run-types';
import { isTerminal } from '../src/runs/run-types';

export type ApiClient = TRPCClient<AppRouter>;

/**
 * A client of the server at `url` as the web app builds it: batched HTTP, subscriptions over
 * SSE, and queries carrying a whole flow document sent as POST as the editor's large ones are.
 */
export function apiClient(url: string): ApiClient {
  const trpcUrl = new URL('trpc', url).href;
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({ url: trpcUrl, EventSource }),
        false: splitLink({
          condition: (op) => op.path === 'compile.preview',
          true: httpBatchLink({ url: trpcUrl, methodOverride: 'POST' }),
          false: httpBatchLink({ url: trpcUrl }),
        }),
      }),
    ],
  });
}

/** Watches a run over SSE, as the run panel does, and resolves with its final snapshot. */
export function runEnd(client: ApiClient, runId: string): Promise<RunDetail> {
  return new Promise((resolve, reject) => {
    const subscription = client.run.events.subscribe(
      { runId },
      {
        onData: (detail) => {
          if (!isTerminal(detail.state)) return;
          subscription.unsubscribe();
          resolve(detail);
        },
        onError: (error) => {
          subscription.unsubscribe();
          reject(error);
        },
      },
    );
  });
}
