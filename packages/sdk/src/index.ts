export { createFlow, Flow } from './builder/flow';
export type { AddStageOptions, SavedAt, ValidateOptions } from './builder/flow';
export { FlowBuildError } from './builder/flow-build-error';
export { StageHandle } from './builder/stage-handle';
export type { ConnectOptions } from './builder/stage-handle';
export type {
  InputPort,
  OutputPort,
  StageConfigInput,
  StageConfigPatch,
  StageType,
} from './builder/stage-types';
export { createClient } from './client/sluice-client';
export type { SluiceClient, StartRunOptions } from './client/sluice-client';
export type { ClientOptions } from './client/trpc-client';
export { SluiceRequestError, StaleSaveError } from './client/client-errors';
export type { RunEvent, RunStateEvent, StageEvent } from './client/run-events';
export type { RunDetail, RunStageDetail } from '@sluice/server';
