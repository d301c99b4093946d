export { DuckDbClient, DuckDbDatabase } from './duckdb-client';
export type { SqlValue } from './duckdb-values';
export type { TargetInfo } from './target';
export { describeDuckDbTarget } from './target';
export { checkExternalStageUrl, resolveExternalFile } from './external-files';
export type { FileAccessCode } from './file-access-error';
export { FileAccessError } from './file-access-error';
export type { ExternalFileEntry } from './list-external-files';
export { listExternalFiles } from './list-external-files';
