/**
 * The app router: one entry per noun, each in `routers/<noun>.router.ts`. The web client imports
 * only the type of this router.
 */
import { catalogRouter } from './routers/catalog.router';
import { compileRouter } from './routers/compile.router';
import { dataRouter } from './routers/data.router';
import { externalStageRouter } from './routers/external-stage.router';
import { flowRouter } from './routers/flow.router';
import { runRouter } from './routers/run.router';
import { stageTypeRouter } from './routers/stage-type.router';
import { systemRouter } from './routers/system.router';
import { createCallerFactory, createTRPCRouter } from './trpc';

export const appRouter = createTRPCRouter({
  system: systemRouter,
  stageType: stageTypeRouter,
  flow: flowRouter,
  externalStage: externalStageRouter,
  catalog: catalogRouter,
  compile: compileRouter,
  run: runRouter,
  data: dataRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process, e.g. `createCaller(createContextInner({ services }))`. */
export const createCaller = createCallerFactory(appRouter);
