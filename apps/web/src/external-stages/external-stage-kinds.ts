import {
  S3_PROVIDERS as S3_PROVIDER_IDS,
  SECRET_CREDENTIAL_KEYS,
  SETTING_CREDENTIAL_KEYS,
  STAGE_COMPRESSIONS,
} from '@sluice/compiler';

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

/** What each S3 provider MatrixOne accepts is called (sql-reference.md §1.3). */
const PROVIDER_LABELS: Record<S3Provider, string> = {
  amazon: 'Amazon S3',
  minio: 'MinIO',
  cos: 'Tencent COS',
};
export type S3Provider = (typeof S3_PROVIDER_IDS)[number];
export const S3_PROVIDERS = S3_PROVIDER_IDS.map((value) => ({
  value,
  label: PROVIDER_LABELS[value],
}));

/** The compressions a load can name; `auto` goes by the file extension (sql-reference.md §2.6). */
export const COMPRESSIONS = STAGE_COMPRESSIONS;
export type Compression = (typeof COMPRESSIONS)[number];

/** The credentials never sent back to the browser; the form can only keep or replace them. */
export const SECRET_KEYS = SECRET_CREDENTIAL_KEYS;
export type SecretKey = (typeof SECRET_KEYS)[number];

/** The S3 settings the server returns as they are. */
export const SETTING_KEYS = SETTING_CREDENTIAL_KEYS;
export type SettingKey = (typeof SETTING_KEYS)[number];
