import type { DialectName, TargetProfile } from '../plan';
import type { Dialect } from './base';
import { DuckDbDialect } from './duckdb';
import { MatrixOneDialect } from './matrixone';
import { MySqlDialect } from './mysql';

const DIALECT_CLASS = {
  duckdb: DuckDbDialect,
  mysql: MySqlDialect,
  matrixone: MatrixOneDialect,
} satisfies Record<DialectName, new (target: TargetProfile) => Dialect>;

type DialectOf<N extends DialectName> = InstanceType<(typeof DIALECT_CLASS)[N]>;

const PRODUCT_OF = { duckdb: 'DuckDB', mysql: 'MySQL', matrixone: 'MatrixOne' } as const;

/**
 * The dialect of a target, bound to its product and version, which decide version-gated SQL
 * (MatrixOne 4.x export formats, for one). Compiling uses this.
 */
export function dialectFor(target: TargetProfile): Dialect {
  return new DIALECT_CLASS[target.dialect](target);
}

/**
 * A dialect by name, typed as that dialect so its own statements (DuckDB's `sniffColumns`) are
 * reachable. Its version is unknown: use it for what no version changes (quoting, literals,
 * reading files), and `dialectFor` to compile.
 */
export function getDialect<N extends DialectName>(name: N): DialectOf<N> {
  const target = { dialect: name, product: PRODUCT_OF[name], version: '' };
  return new DIALECT_CLASS[name](target) as DialectOf<N>;
}

export { versionAtLeast } from './base';
export type {
  CheckContext,
  Dialect,
  DialectStep,
  StagedRelation,
  TableSwap,
  TableWrite,
} from './base';
export type { DuckDbDialect } from './duckdb';
export type { MySqlDialect } from './mysql';
export type { MatrixOneDialect } from './matrixone';
export {
  alterStage,
  CREDENTIAL_KEYS,
  createStage,
  dropStage,
  maskCredentials,
  parseShownStage,
  S3_PROVIDERS,
  SECRET_CREDENTIAL_KEYS,
  SETTING_CREDENTIAL_KEYS,
  SHOW_STAGES,
  STAGE_COMPRESSIONS,
} from './matrixone-external-stage';
export type {
  CredentialKey,
  ExternalStageChange,
  ExternalStageSpec,
  ListedStage,
  StageCredentials,
} from './matrixone-external-stage';
