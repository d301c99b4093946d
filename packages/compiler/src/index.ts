export * from './plan';
export { analyzeFlow, withDetectedColumns } from './analyze-flow';
export type { AnalyzeOptions, FlowAnalysis, StageAnalysis } from './analyze-flow';
export { compileFlow } from './compile-flow';
export type { CompileOptions, CompileResult } from './compile-flow';
export { stagingName } from './names';
export type { ResolveFile } from './relations/rule';
export { destinationTables, fileRefs, sourceTables, stageDestinationTables } from './file-refs';
export { describeRequests, stagesToDescribe } from './stages-to-describe';
export type { StageFileRef, StageTableRef } from './file-refs';
export { checkSqlExpression, DEFAULT_METADATA_SCHEMA } from './check-sql';
export type { SqlCheckOptions, SqlProblem } from './check-sql';
export {
  alterStage,
  createStage,
  CREDENTIAL_KEYS,
  dialectFor,
  dropStage,
  getDialect,
  versionAtLeast,
  maskCredentials,
  parseShownStage,
  S3_PROVIDERS,
  SECRET_CREDENTIAL_KEYS,
  SETTING_CREDENTIAL_KEYS,
  SHOW_STAGES,
  STAGE_COMPRESSIONS,
} from './dialects';
export type {
  CredentialKey,
  Dialect,
  DuckDbDialect,
  ExternalStageChange,
  ExternalStageSpec,
  ListedStage,
  MatrixOneDialect,
  MySqlDialect,
  StageCredentials,
} from './dialects';
export {
  fitName,
  MAX_NAME_LENGTH,
  STAGING_PREFIX,
  stageUri,
  stagingRunTag,
  tempExportRunTag,
} from './names';
export { disabledExternalStages, previewFlow, unknownExternalStages } from './preview-flow';
export type { FlowPreview } from './preview-flow';
export { compileSample, PREVIEW_ROWS, SAMPLE_ROWS } from './sample-flow';
export type { SampleOptions, SamplePlan, SampleResult } from './sample-flow';
export { bindParameters } from './bind-parameters';
export type { BoundFlow, ParameterBinding } from './bind-parameters';
