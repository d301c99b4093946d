export { DuckDbClient, DuckDbDatabase } from './duckdb/duckdb-client';
export type { DuckDbOpenOptions } from './duckdb/duckdb-client';
export type { SqlValue } from './sql-client';
export type { SqlClient } from './sql-client';
export type {
  DatabaseLocation,
  OpenTargetOptions,
  RunClient,
  ServerLocation,
  Target,
} from './target';
export { openTarget } from './open-target';
export { TargetConnectError } from './target-connect-error';
export { META_DATABASE } from './mysql/mysql-target';
export { checkExternalStageUrl, resolveExternalFile } from './external-files';
export { openToRead } from './confined-files';
export type { FileAccessCode } from './file-access-error';
export { FileAccessError } from './file-access-error';
export type { ExternalFileEntry } from './list-external-files';
export { listExternalFiles } from './list-external-files';
export type {
  PeekRows,
  ProgressEvent,
  RunEvent,
  RunOutcome,
  StageState,
  StatementEvent,
} from './run-events';
export type { RunPlanOptions } from './run-plan';
export { runPlan } from './run-plan';
export type { ClaimRequest, StagingSweep, SweepPlaces, TargetClaim } from './run-claims';
export { ClaimLostError, DestinationHeldError, newRunTag } from './run-claims';
export { destinationLockName, runLockName } from './mysql/named-locks';
export { ColumnDetectionError, detectFileColumns } from './detect-columns';
export type { StagePlace } from './stage-terms';
export { inStageTerms } from './stage-terms';
export type { CellValue, ResultTable } from './result-table';
export type { SampleOutcome } from './preview-sample';
export { previewSample, SampleCancelled, SampleFailure } from './preview-sample';
