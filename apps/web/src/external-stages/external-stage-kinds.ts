/**
 * The three kinds of external stage a person can create, as data the form reads: how the URL
 * starts, what to type, and what each kind is for (sql-reference.md §1.2 lists the URL forms).
 */
export const EXTERNAL_STAGE_KINDS = ['file', 's3', 'stage'] as const;
export type ExternalStageKind = (typeof EXTERNAL_STAGE_KINDS)[number];

interface KindInfo {
  label: string;
  prefix: string;
  placeholder: string;
  help: string;
}

export const KIND_INFO: Record<ExternalStageKind, KindInfo> = {
  file: {
    label: 'Folder',
    prefix: 'file:///',
    placeholder: 'file:///absolute/folder/',
    help: 'A folder on the server, inside the roots it allows (SLUICE_FILE_ROOTS).',
  },
  s3: {
    label: 'S3',
    prefix: 's3://',
    placeholder: 's3://bucket/prefix/',
    help: 'A bucket and key prefix on Amazon S3 or an S3-compatible service (MinIO, COS).',
  },
  stage: {
    label: 'Sub-stage',
    prefix: 'stage://',
    placeholder: 'stage://parent/sub/',
    help: 'A folder inside another external stage, which keeps its location and credentials.',
  },
};

/** The kind a URL names; a URL of no known kind reads as a folder, whose check will refuse it. */
export function kindOfUrl(url: string): ExternalStageKind {
  return EXTERNAL_STAGE_KINDS.find((kind) => url.startsWith(KIND_INFO[kind].prefix)) ?? 'file';
}

/** The S3 providers MatrixOne accepts (sql-reference.md §1.3). */
export const S3_PROVIDERS = [
  { value: 'amazon', label: 'Amazon S3' },
  { value: 'minio', label: 'MinIO' },
  { value: 'cos', label: 'Tencent COS' },
] as const;
export type S3Provider = (typeof S3_PROVIDERS)[number]['value'];

/** The compressions a load can name; `auto` goes by the file extension (sql-reference.md §2.6). */
export const COMPRESSIONS = [
  'auto',
  'none',
  'gzip',
  'bzip2',
  'flate',
  'lzw',
  'zlib',
  'lz4',
  'tar.gz',
  'tar.bz2',
] as const;
export type Compression = (typeof COMPRESSIONS)[number];

/** The credentials never sent back to the browser; the form can only keep or replace them. */
export const SECRET_KEYS = ['AWS_KEY_ID', 'AWS_SECRET_KEY'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** The S3 settings the server returns as they are. */
export const SETTING_KEYS = ['AWS_REGION', 'ENDPOINT', 'PROVIDER', 'COMPRESSION'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
