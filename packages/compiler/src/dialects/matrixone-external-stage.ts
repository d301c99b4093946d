import { MatrixOneDialect } from './matrixone';

/**
 * MatrixOne external stage DDL (sql-reference.md §1.1-1.3, §10.4). The server runs these
 * outside any transaction (§1.7).
 */

/** Credential keys in the order they are written; the first five are what S3 stages need. */
export const CREDENTIAL_KEYS = [
  'AWS_KEY_ID',
  'AWS_SECRET_KEY',
  'AWS_REGION',
  'ENDPOINT',
  'PROVIDER',
  'COMPRESSION',
] as const;
export type CredentialKey = (typeof CREDENTIAL_KEYS)[number];

/** The keys whose values are secret: masked in logs, never sent to the browser. */
export const SECRET_CREDENTIAL_KEYS = ['AWS_KEY_ID', 'AWS_SECRET_KEY'] as const;

/** The keys whose values are settings, not secrets: shown to people as they are. */
export const SETTING_CREDENTIAL_KEYS = [
  'AWS_REGION',
  'ENDPOINT',
  'PROVIDER',
  'COMPRESSION',
] as const;

/** The providers an export through an S3 stage accepts (§1.3: anything else is refused). */
export const S3_PROVIDERS = ['amazon', 'minio', 'cos'] as const;

/** The compressions a stage's COMPRESSION may name; `auto` goes by file extension (§2.6). */
export const STAGE_COMPRESSIONS = [
  'auto',
  'none',
  'gzip',
  'gz',
  'bzip2',
  'bz2',
  'flate',
  'lzw',
  'zlib',
  'lz4',
  'tar.gz',
  'tar.bz2',
] as const;

export type StageCredentials = Partial<Record<CredentialKey, string>>;

/** An external stage as MatrixOne stores it. */
export interface ExternalStageSpec {
  name: string;
  /** `file:///abs/dir/`, `s3://bucket/prefix/` or `stage://parent/sub/` (§1.2). */
  url: string;
  credentials?: StageCredentials;
  comment: string;
}

/** The options one `ALTER STAGE` may change; each given one becomes its own statement. */
export interface ExternalStageChange {
  url?: string;
  /**
   * The complete set after merging: MatrixOne replaces the stored credentials as a whole. An
   * empty set writes nothing, so MatrixOne keeps the stage's old credentials (see `alterStage`).
   */
  credentials?: StageCredentials;
  comment?: string;
  /** `ENABLE = TRUE | FALSE`; MatrixOne stores it but from 2.0 does not enforce it (§1.4). */
  enabled?: boolean;
}

const dialect = new MatrixOneDialect({ dialect: 'matrixone', product: 'MatrixOne', version: '' });

/**
 * `CREATE STAGE name URL = '…' [CREDENTIALS = {…}] [COMMENT = '…']`, clauses in the grammar's
 * fixed order (§1.1).
 * @example createStage({ name: 'lake', url: 's3://bucket/in/', credentials: { … }, comment: '' })
 */
export function createStage(spec: ExternalStageSpec): string {
  const clauses = [`CREATE STAGE ${dialect.quoteIdentifier(spec.name)}`, urlClause(spec.url)];
  if (spec.credentials && Object.keys(spec.credentials).length > 0) {
    clauses.push(credentialsClause(spec.credentials));
  }
  if (spec.comment !== '') clauses.push(commentClause(spec.comment));
  return clauses.join(' ');
}

/**
 * One `ALTER STAGE name SET <option>` per changed option, in the grammar's order URL,
 * CREDENTIALS, ENABLE, COMMENT: MatrixOne refuses more than one option per statement
 * ("at most one option at a time", `test/distributed/cases/stage/stage.result`). Empty credentials (a
 * stage moving from s3:// to file:// or stage://) write no CREDENTIALS clause, since the grammar
 * does not show that an empty list is accepted (§1.1); MatrixOne then keeps the old credentials,
 * still readable in `mo_catalog.mo_stages` (§1.5).
 */
export function alterStage(name: string, change: ExternalStageChange): string[] {
  const prefix = `ALTER STAGE ${dialect.quoteIdentifier(name)} SET`;
  const credentials = change.credentials ?? {};
  const options = [
    ...(change.url === undefined ? [] : [urlClause(change.url)]),
    ...(Object.keys(credentials).length === 0 ? [] : [credentialsClause(credentials)]),
    ...(change.enabled === undefined ? [] : [`ENABLE = ${change.enabled ? 'TRUE' : 'FALSE'}`]),
    ...(change.comment === undefined ? [] : [commentClause(change.comment)]),
  ];
  return options.map((option) => `${prefix} ${option}`);
}

/** `DROP STAGE IF EXISTS name`: dropping a stage that is already gone is not an error here. */
export function dropStage(name: string): string {
  return `DROP STAGE IF EXISTS ${dialect.quoteIdentifier(name)}`;
}

/**
 * `SHOW STAGES`: one row per stage of the current account, columns `STAGE_NAME`, `URL`,
 * `STATUS`, `COMMENT`; credentials are never shown (grammar `show_stages_stmt`, rewritten by
 * `buildShowStages` in `pkg/sql/plan/build_show.go`; `test/distributed/cases/stage/stage.result`).
 */
export const SHOW_STAGES = 'SHOW STAGES';

/** A stage as `SHOW STAGES` lists it. */
export interface ListedStage {
  name: string;
  url: string;
  enabled: boolean;
  comment: string;
}

/**
 * One `SHOW STAGES` row. STATUS is `ENABLED` / `DISABLED` up to 3.x and the stored status from
 * 4.0 (`in_use` after CREATE, `enabled` / `disabled` after ALTER … ENABLE), so only `disabled`,
 * in any case, means disabled (sql-reference.md §1.4). Column names are matched without case.
 */
export function parseShownStage(row: Readonly<Record<string, unknown>>): ListedStage {
  const get = (column: string): string => {
    const key = Object.keys(row).find((k) => k.toUpperCase() === column);
    const value = key === undefined ? undefined : row[key];
    return typeof value === 'string' ? value : '';
  };
  return {
    name: get('STAGE_NAME'),
    url: get('URL'),
    enabled: get('STATUS').toLowerCase() !== 'disabled',
    comment: get('COMMENT'),
  };
}

/**
 * The SQL with the values of secret credential keys replaced by `***`, for logs and run events.
 * @example maskCredentials("… {'AWS_KEY_ID'='AKIA…', 'AWS_REGION'='eu'}") // "… {'AWS_KEY_ID'='***', 'AWS_REGION'='eu'}"
 */
export function maskCredentials(sql: string): string {
  const keys = SECRET_CREDENTIAL_KEYS.join('|');
  const pattern = new RegExp(`('(?:${keys})'\\s*=\\s*)'(?:[^'\\\\]|''|\\\\.)*'`, 'gi');
  return sql.replace(pattern, "$1'***'");
}

function urlClause(url: string): string {
  return `URL = ${dialect.literal(url)}`;
}

function commentClause(comment: string): string {
  return `COMMENT = ${dialect.literal(comment)}`;
}

/**
 * `CREDENTIALS = {'KEY'='value', …}` in the fixed key order. MatrixOne stores the pairs as one
 * `k=v,k=v` text and splits it on commas again (§0), so a value with a comma is refused here.
 */
function credentialsClause(credentials: StageCredentials): string {
  const pairs = CREDENTIAL_KEYS.flatMap((key) => {
    const value = credentials[key];
    if (value === undefined) return [];
    if (value.includes(',')) {
      throw new Error(`The ${key} value cannot contain a comma: MatrixOne would split it there.`);
    }
    return [`${dialect.literal(key)}=${dialect.literal(value)}`];
  });
  return `CREDENTIALS = {${pairs.join(', ')}}`;
}
