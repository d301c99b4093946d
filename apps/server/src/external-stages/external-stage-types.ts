/** The shapes of external stages shared by their repository, service, router and run manager. */
import { SECRET_CREDENTIAL_KEYS, SETTING_CREDENTIAL_KEYS } from '@sluice/compiler';

/** The credential keys that are secret (sql-reference.md §1.3). */
export const SECRET_KEYS = SECRET_CREDENTIAL_KEYS;
export type SecretKey = (typeof SECRET_KEYS)[number];
/** The credential keys that are not secret. */
export const SETTING_KEYS = SETTING_CREDENTIAL_KEYS;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** Credentials that are not secret; returned to the browser. */
export type StageSettings = Partial<Record<SettingKey, string>>;
/** Credentials that are secret: encrypted at rest, never returned. */
export type StageSecrets = Partial<Record<SecretKey, string>>;

export type ExternalStageKind = 'file' | 's3' | 'stage';

/** An external stage as the API returns it. */
export interface ExternalStageRecord {
  name: string;
  url: string;
  comment: string;
  createdAt: string;
  updatedAt: string;
  kind: ExternalStageKind;
  settings: StageSettings;
  /** Which secrets are stored, so a form can say "set" and offer to replace them. */
  secretsSet: SecretKey[];
  /** False once turned off: flows that use it are refused until it is enabled again. */
  enabled: boolean;
}

/** The kind of storage a URL names, from its scheme. */
export function kindOfUrl(url: string): ExternalStageKind {
  if (url.startsWith('s3://')) return 's3';
  if (url.startsWith('stage://')) return 'stage';
  return 'file';
}
