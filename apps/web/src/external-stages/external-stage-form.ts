/**
 * The external stage form as data: its values, the checks that mirror the server's (so a person
 * sees a mistake at the field before anything is sent) and the request the values become.
 */
import { ExternalStageNameSchema } from '@sluice/stages';

import type {
  Compression,
  ExternalStageKind,
  S3Provider,
  SecretKey,
  SettingKey,
} from './external-stage-kinds';
import {
  COMPRESSIONS,
  KIND_INFO,
  kindOfUrl,
  S3_PROVIDERS,
  SECRET_KEYS,
  SETTING_KEYS,
} from './external-stage-kinds';

/** What the form needs of a stored external stage; secrets arrive only as "set" flags. */
export interface StoredExternalStage {
  name: string;
  url: string;
  comment: string;
  settings: Partial<Record<SettingKey, string>>;
  secretsSet: readonly SecretKey[];
}

export interface ExternalStageFormValues {
  name: string;
  kind: ExternalStageKind;
  /** One URL per kind, so switching kinds and back loses nothing typed. */
  fileUrl: string;
  s3Url: string;
  /** Sub-stage: the parent external stage and the folder inside it. */
  parent: string;
  subPath: string;
  comment: string;
  /** A typed secret, or `null` to keep the one stored (never sent to the browser). */
  secrets: Record<SecretKey, string | null>;
  settings: Record<SettingKey, string>;
}

export type FormField = 'name' | 'url' | 'parent' | 'subPath' | 'comment' | SecretKey | SettingKey;
export type FieldErrors = Partial<Record<FormField, string>>;

/** A person's words for each credential key, with the key MatrixOne knows it by. */
export const CREDENTIAL_LABELS: Record<SecretKey | SettingKey, string> = {
  AWS_KEY_ID: 'Access key ID',
  AWS_SECRET_KEY: 'Secret access key',
  AWS_REGION: 'Region',
  ENDPOINT: 'Endpoint',
  PROVIDER: 'Provider',
  COMPRESSION: 'Compression',
};

function parseSubStage(url: string): { parent: string; subPath: string } {
  const rest = url.slice(KIND_INFO.stage.prefix.length);
  const slash = rest.indexOf('/');
  if (slash < 0) return { parent: rest, subPath: '' };
  return { parent: rest.slice(0, slash), subPath: rest.slice(slash + 1).replace(/\/+$/, '') };
}

/** The form of a new external stage, or of a stored one (secrets kept unless replaced). */
export function initialValues(stored?: StoredExternalStage): ExternalStageFormValues {
  const kind = stored ? kindOfUrl(stored.url) : 'file';
  const url = stored?.url ?? '';
  return {
    name: stored?.name ?? '',
    kind,
    fileUrl: kind === 'file' ? url : '',
    s3Url: kind === 's3' ? url : '',
    ...(kind === 'stage' ? parseSubStage(url) : { parent: '', subPath: '' }),
    comment: stored?.comment ?? '',
    secrets: {
      AWS_KEY_ID: stored?.secretsSet.includes('AWS_KEY_ID') ? null : '',
      AWS_SECRET_KEY: stored?.secretsSet.includes('AWS_SECRET_KEY') ? null : '',
    },
    settings: {
      AWS_REGION: stored?.settings.AWS_REGION ?? '',
      ENDPOINT: stored?.settings.ENDPOINT ?? '',
      PROVIDER: stored?.settings.PROVIDER ?? '',
      COMPRESSION: stored?.settings.COMPRESSION ?? '',
    },
  };
}

/** The URL the values stand for, e.g. `stage://landing/daily/` for a sub-stage. */
export function urlOf(values: ExternalStageFormValues): string {
  switch (values.kind) {
    case 'file':
      return values.fileUrl.trim();
    case 's3':
      return values.s3Url.trim();
    case 'stage': {
      const sub = values.subPath.trim().replace(/\/+$/, '');
      return `${KIND_INFO.stage.prefix}${values.parent}/${sub === '' ? '' : `${sub}/`}`;
    }
  }
}

const S3_URL = /^s3:\/\/[^/?#\s]+(\/[^?#]*)?$/;

function nameError(name: string): string | undefined {
  if (name.trim() === '') return 'Enter a name.';
  const parsed = ExternalStageNameSchema.safeParse(name);
  return parsed.success ? undefined : (parsed.error.issues[0]?.message ?? 'Enter a name.');
}

function subPathError(subPath: string): string | undefined {
  const sub = subPath.trim();
  if (sub === '') return 'Enter the folder inside the parent, e.g. daily/.';
  if (sub.startsWith('/')) return 'Use a folder relative to the parent (no leading "/").';
  if (sub.split('/').includes('..')) return 'The folder must stay inside the parent (no "..").';
  return sub.includes('\0') ? 'Must not contain a NUL character.' : undefined;
}

/** MatrixOne stores credentials as `k=v,k=v` text, so a comma would split a value (§0). */
function credentialValueError(value: string): string | undefined {
  if (value.includes(','))
    return 'Must not contain a comma: MatrixOne splits credentials on commas.';
  return value.includes('\0') ? 'Must not contain a NUL character.' : undefined;
}

function s3Errors(values: ExternalStageFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of SECRET_KEYS) {
    const typed = values.secrets[key];
    if (typed === null) continue;
    errors[key] =
      typed === ''
        ? `Enter the ${CREDENTIAL_LABELS[key].toLowerCase()}.`
        : credentialValueError(typed);
  }
  for (const key of SETTING_KEYS) {
    const value = values.settings[key].trim();
    if (value === '' && key !== 'COMPRESSION') {
      errors[key] =
        key === 'PROVIDER'
          ? 'Pick a provider.'
          : `Enter the ${CREDENTIAL_LABELS[key].toLowerCase()}.`;
    } else {
      errors[key] = credentialValueError(value);
    }
  }
  return errors;
}

function urlErrors(values: ExternalStageFormValues, others: readonly string[]): FieldErrors {
  switch (values.kind) {
    case 'file':
      return values.fileUrl.trim().startsWith(KIND_INFO.file.prefix)
        ? {}
        : { url: 'Enter file:/// and an absolute folder, e.g. file:///data/landing/.' };
    case 's3':
      return {
        ...(S3_URL.test(values.s3Url.trim())
          ? {}
          : { url: 'Enter s3://bucket/prefix/: a bucket, then an optional key prefix.' }),
        ...s3Errors(values),
      };
    case 'stage':
      return {
        parent:
          values.parent === ''
            ? 'Pick the external stage this one lives in.'
            : values.parent === values.name.trim()
              ? 'An external stage cannot live inside itself.'
              : others.includes(values.parent)
                ? undefined
                : `There is no external stage "${values.parent}".`,
        subPath: subPathError(values.subPath),
      };
  }
}

/**
 * The mistakes in the values, by field, checked as the server checks them (see `isClean`). `others` are the names of the external stages that exist (sub-stage parents).
 */
export function checkForm(values: ExternalStageFormValues, others: readonly string[]): FieldErrors {
  return {
    name: nameError(values.name),
    ...urlErrors(values, others),
    comment: values.comment.length > 1000 ? 'Keep the comment under 1000 characters.' : undefined,
  };
}

/** The field whose message a change of each value clears. */
const FIELD_OF_VALUE: Readonly<Record<string, FormField>> = {
  name: 'name',
  kind: 'url',
  fileUrl: 'url',
  s3Url: 'url',
  parent: 'parent',
  subPath: 'subPath',
  comment: 'comment',
};

/** The errors left once the values in `patch` change: an edited field's message goes away. */
export function withoutErrorsOf(
  errors: FieldErrors,
  patch: Partial<ExternalStageFormValues>,
): FieldErrors {
  const next = { ...errors };
  for (const key of Object.keys(patch)) {
    const field = FIELD_OF_VALUE[key];
    if (field) next[field] = undefined;
  }
  return next;
}

/** True when no field has a message. */
export function isClean(errors: FieldErrors): boolean {
  return Object.values(errors).every((message) => !message);
}

export interface Credentials {
  AWS_KEY_ID?: string;
  AWS_SECRET_KEY?: string;
  AWS_REGION?: string;
  ENDPOINT?: string;
  PROVIDER?: S3Provider;
  COMPRESSION?: Compression;
}

function providerOf(value: string): S3Provider | undefined {
  return S3_PROVIDERS.find((p) => p.value === value)?.value;
}

function compressionOf(value: string): Compression | undefined {
  return COMPRESSIONS.find((c) => c === value);
}

/** The credentials to send: typed secrets only (kept ones stay on the server), every setting. */
function credentialsOf(values: ExternalStageFormValues): Credentials {
  const credentials: Credentials = {};
  for (const key of SECRET_KEYS) {
    const typed = values.secrets[key];
    if (typed !== null) credentials[key] = typed;
  }
  const { AWS_REGION, ENDPOINT, PROVIDER, COMPRESSION } = values.settings;
  const provider = providerOf(PROVIDER);
  const compression = compressionOf(COMPRESSION);
  return {
    ...credentials,
    AWS_REGION: AWS_REGION.trim(),
    ENDPOINT: ENDPOINT.trim(),
    ...(provider === undefined ? {} : { PROVIDER: provider }),
    ...(compression === undefined ? {} : { COMPRESSION: compression }),
  };
}

/** What `externalStage.create` / `update` get; credentials only for S3, the kind that takes them. */
export function requestOf(values: ExternalStageFormValues) {
  return {
    name: values.name.trim(),
    url: urlOf(values),
    comment: values.comment,
    ...(values.kind === 's3' ? { credentials: credentialsOf(values) } : {}),
  };
}
