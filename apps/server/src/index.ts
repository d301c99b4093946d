import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from './root';

export type { AppRouter } from './root';
export type {
  RunDetail,
  RunLive,
  RunStageDetail,
  RunStatement,
  RunState,
  StageRunState,
} from './runs/run-types';
export type { ServerConfig } from './env';
export type { Services } from './services';
export { appRouter, createCaller } from './root';
export { createApp } from './app';
export { createContextInner } from './context';
export { createServices } from './services';
export { loadEnv } from './env';

/** Inputs of every procedure, e.g. `RouterInputs['flow']['save']`. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** Outputs of every procedure, e.g. `RouterOutputs['run']['byId']`. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
