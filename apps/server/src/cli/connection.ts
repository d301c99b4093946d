/**
 * Where a command works: a running Sluice server over HTTP (`--server`), or a target database
 * directly (`--database`), through the server's own services in this process. Both give the
 * same tRPC client of the server's `AppRouter`, so every command is written once.
 */
import type { TRPCClient } from '@trpc/client';
import {
  createTRPCClient,
  httpBatchLink,
  httpSubscriptionLink,
  splitLink,
  unstable_localLink,
} from '@trpc/client';
import { EventSource } from 'eventsource';

import { TargetConnectError } from '@sluice/engine';

import type { AppRouter } from '../root';
import { createContextInner } from '../context';
import { ConfigError, loadEnvWith } from '../env';
import { appRouter } from '../root';
import { createServices } from '../services';
import { CliError, EXIT_CODES } from './exit-codes';

export type SluiceClient = TRPCClient<AppRouter>;

/** As the command line gives them: an option not typed is `undefined`. */
export interface ConnectionOptions {
  server?: string | undefined;
  token?: string | undefined;
  database?: string | undefined;
}

export interface Connection {
  client: SluiceClient;
  /** The server URL or the database, for messages. */
  where: string;
  close(): Promise<void>;
}

function serverUrl(server: string): URL {
  try {
    const url = new URL(server);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // Reported below with the form the option takes.
  }
  throw new CliError(
    `--server must be the server's address, like http://127.0.0.1:4310; "${server}" is not.`,
    EXIT_CODES.usage,
  );
}

/** A client of the server at `server`, the token sent as a Bearer header on every request. */
async function connectToServer(server: string, token: string | undefined): Promise<Connection> {
  const url = new URL('trpc', serverUrl(server).href.replace(/\/?$/, '/')).href;
  const headers: Record<string, string> =
    token === undefined ? {} : { Authorization: `Bearer ${token}` };
  const client = createTRPCClient<AppRouter>({
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
  const connection = { client, where: server, close: () => Promise.resolve() };
  await client.system.info.query();
  return connection;
}

/**
 * The services of the target `database` (or `SLUICE_DATABASE_URL`), configured from the same
 * environment as a server (file roots, data folder, metadata database), without the start-up
 * recovery a server does: one may be running on the same metadata.
 */
async function connectToDatabase(database: string | undefined): Promise<Connection> {
  let services;
  try {
    const config = loadEnvWith(database === undefined ? {} : { SLUICE_DATABASE_URL: database });
    services = await createServices(config, { recover: false });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT_CODES.usage);
    if (error instanceof TargetConnectError) throw new CliError(error.message, EXIT_CODES.connect);
    throw error;
  }
  const ready = services;
  const client = createTRPCClient<AppRouter>({
    links: [
      unstable_localLink({
        router: appRouter,
        createContext: () => Promise.resolve(createContextInner({ services: ready })),
      }),
    ],
  });
  return { client, where: ready.target.location, close: () => ready.close() };
}

/** Connects as the options say: `--server` (with `--token`), else a database. */
export function connect(options: ConnectionOptions): Promise<Connection> {
  if (options.server !== undefined && options.database !== undefined) {
    throw new CliError(
      'Give --server or --database, not both: a command works on one Sluice.',
      EXIT_CODES.usage,
    );
  }
  if (options.server !== undefined) {
    return connectToServer(options.server, options.token);
  }
  return connectToDatabase(options.database);
}
