import { describe, expect, it } from 'vitest';

import type { ExternalStageFormValues, StoredExternalStage } from './external-stage-form';
import { checkForm, initialValues, isClean, requestOf, urlOf } from './external-stage-form';

const storedS3: StoredExternalStage = {
  name: 'lake',
  url: 's3://bucket/raw/',
  comment: 'raw drops',
  settings: { AWS_REGION: 'us-east-1', ENDPOINT: 's3.us-east-1.amazonaws.com', PROVIDER: 'amazon' },
  secretsSet: ['AWS_KEY_ID', 'AWS_SECRET_KEY'],
};

function newS3(patch: Partial<ExternalStageFormValues> = {}): ExternalStageFormValues {
  return {
    ...initialValues(),
    name: 'lake',
    kind: 's3',
    s3Url: 's3://bucket/raw/',
    secrets: { AWS_KEY_ID: 'AKIA1', AWS_SECRET_KEY: 'shh' },
    settings: {
      AWS_REGION: 'us-east-1',
      ENDPOINT: 'minio:9000',
      PROVIDER: 'minio',
      COMPRESSION: '',
    },
    ...patch,
  };
}

describe('initialValues', () => {
  it('keeps stored secrets as "set" and never holds their values', () => {
    const values = initialValues(storedS3);
    expect(values.kind).toBe('s3');
    expect(values.secrets).toEqual({ AWS_KEY_ID: null, AWS_SECRET_KEY: null });
    expect(values.settings.ENDPOINT).toBe('s3.us-east-1.amazonaws.com');
  });

  it('splits a sub-stage URL into its parent and folder', () => {
    const values = initialValues({ ...storedS3, url: 'stage://lake/daily/2026/', secretsSet: [] });
    expect(values).toMatchObject({ kind: 'stage', parent: 'lake', subPath: 'daily/2026' });
    expect(urlOf(values)).toBe('stage://lake/daily/2026/');
  });
});

describe('checkForm', () => {
  it('accepts a complete S3 stage', () => {
    expect(isClean(checkForm(newS3(), []))).toBe(true);
  });

  it('asks for each of the five S3 keys at its field', () => {
    const values = newS3({
      secrets: { AWS_KEY_ID: '', AWS_SECRET_KEY: '' },
      settings: { AWS_REGION: '', ENDPOINT: ' ', PROVIDER: '', COMPRESSION: '' },
    });
    const errors = checkForm(values, []);
    expect(errors).toMatchObject({
      AWS_KEY_ID: 'Enter the access key id.',
      AWS_SECRET_KEY: 'Enter the secret access key.',
      AWS_REGION: 'Enter the region.',
      ENDPOINT: 'Enter the endpoint.',
      PROVIDER: 'Pick a provider.',
    });
    expect(errors.COMPRESSION).toBeUndefined();
  });

  it('accepts kept secrets of a stored stage', () => {
    expect(isClean(checkForm(initialValues(storedS3), []))).toBe(true);
  });

  it('refuses commas in any credential, secrets included', () => {
    const values = newS3({ secrets: { AWS_KEY_ID: 'a,b', AWS_SECRET_KEY: 'ok' } });
    values.settings.COMPRESSION = 'gzip,lz4';
    const errors = checkForm(values, []);
    expect(errors.AWS_KEY_ID).toMatch(/comma/);
    expect(errors.COMPRESSION).toMatch(/comma/);
    expect(errors.AWS_SECRET_KEY).toBeUndefined();
  });

  it('wants s3://bucket/ for S3 and file:/// for folders', () => {
    expect(checkForm(newS3({ s3Url: 's3:///raw/' }), []).url).toMatch(/bucket/);
    expect(checkForm(newS3({ s3Url: 's3://b/raw/?x=1' }), []).url).toMatch(/bucket/);
    const folder = { ...initialValues(), name: 'in', fileUrl: 'file://relative/' };
    expect(checkForm(folder, []).url).toMatch(/absolute/);
  });

  it('wants an existing parent other than itself and a folder inside it for sub-stages', () => {
    const sub = { ...initialValues(), name: 'daily', kind: 'stage' as const };
    expect(checkForm(sub, ['lake'])).toMatchObject({
      parent: 'Pick the external stage this one lives in.',
      subPath: 'Enter the folder inside the parent, e.g. daily/.',
    });
    expect(checkForm({ ...sub, parent: 'daily', subPath: 'x' }, ['daily']).parent).toMatch(
      /itself/,
    );
    expect(checkForm({ ...sub, parent: 'gone', subPath: 'x' }, ['lake']).parent).toMatch(
      /no external/,
    );
    expect(checkForm({ ...sub, parent: 'lake', subPath: '../x' }, ['lake']).subPath).toMatch(
      /inside/,
    );
    expect(isClean(checkForm({ ...sub, parent: 'lake', subPath: 'daily/' }, ['lake']))).toBe(true);
  });
});

describe('requestOf', () => {
  it('sends only the secrets typed, so kept ones stay as stored', () => {
    const values = initialValues(storedS3);
    values.secrets.AWS_SECRET_KEY = 'new-secret';
    expect(requestOf(values)).toEqual({
      name: 'lake',
      url: 's3://bucket/raw/',
      comment: 'raw drops',
      credentials: {
        AWS_SECRET_KEY: 'new-secret',
        AWS_REGION: 'us-east-1',
        ENDPOINT: 's3.us-east-1.amazonaws.com',
        PROVIDER: 'amazon',
      },
    });
  });

  it('sends no credentials for folders and sub-stages, whatever was typed for S3', () => {
    const values = { ...newS3(), kind: 'file' as const, fileUrl: 'file:///data/in/' };
    expect(requestOf(values)).toEqual({
      name: 'lake',
      url: 'file:///data/in/',
      comment: '',
    });
  });
});
