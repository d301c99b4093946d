import type { TRPCClient } from '@trpc/client';
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { EventSource } from 'eventsource';

import type { AppRouter } from '@sluice/server';

/** Where a Sluice server is and, when it was started with one, its access token. */
export interface ClientOptions {
  /** The server's address, e.g. `http://127.0.0.1:4310`. */
  url: string;
  /** `SLUICE_ACCESS_TOKEN` of the server, sent as a Bearer header on every request. */
  token?: string;
}

/**
 * The typed tRPC client of a server's API: subscriptions over SSE, everything else batched over
 * HTTP, as the web app does. Node 20 has no EventSource of its own, so the `eventsource` package
 * provides one, and sends the token as a header rather than in the URL.
 */
export function createTrpcClient(options: ClientOptions): TRPCClient<AppRouter> {
  const url = `${options.url.replace(/\/+$/, '')}/trpc`;
  const headers: Record<string, string> =
    options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` };
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: httpSubscriptionLink({
          url,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              fetch(input, { ...init, headers: { ...init.headers, ...headers } }),
          },
        }),
        false: httpBatchLink({ url, headers }),
      }),
    ],
  });
}
