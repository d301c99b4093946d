import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';

import type { Services } from './services';

export interface Context {
  services: Services;
}

/** The context without HTTP, for `createCaller` in tests and scripts. */
export function createContextInner(opts: { services: Services }): Context {
  return { services: opts.services };
}

/** The per-request context factory for the express adapter. */
export function createContext(services: Services): (opts: CreateExpressContextOptions) => Context {
  return () => createContextInner({ services });
}
