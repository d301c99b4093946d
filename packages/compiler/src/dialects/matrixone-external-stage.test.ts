import { describe, expect, it } from 'vitest';

import { alterStage, createStage, dropStage, maskCredentials } from './matrixone-external-stage';

/** Golden SQL of MatrixOne's external stage DDL; each case cites sql-reference.md. */
const s3 = {
  AWS_KEY_ID: 'AKIA123',
  AWS_SECRET_KEY: "s3cr'et\\x",
  AWS_REGION: 'us-east-1',
  ENDPOINT: 's3.us-east-1.amazonaws.com',
  PROVIDER: 'amazon',
};

describe('createStage', () => {
  it('creates a file:// stage with a comment (§1.1, §1.2: COMMENT needs "=")', () => {
    expect(createStage({ name: 'local', url: 'file:///data/in/', comment: "Bob's files" })).toBe(
      "CREATE STAGE `local` URL = 'file:///data/in/' COMMENT = 'Bob''s files'",
    );
  });

  it('creates an s3:// stage with every credential key in the fixed order (§1.3, §10.5)', () => {
    const credentials = { COMPRESSION: 'gzip', ...s3, PROVIDER: 'minio' };
    expect(createStage({ name: 'lake', url: 's3://bucket/in/', credentials, comment: '' })).toBe(
      "CREATE STAGE `lake` URL = 's3://bucket/in/' CREDENTIALS = {'AWS_KEY_ID'='AKIA123', " +
        "'AWS_SECRET_KEY'='s3cr''et\\\\x', 'AWS_REGION'='us-east-1', " +
        "'ENDPOINT'='s3.us-east-1.amazonaws.com', 'PROVIDER'='minio', 'COMPRESSION'='gzip'}",
    );
  });

  it('creates a sub-stage of another stage (§1.2: stage://parent/sub/)', () => {
    expect(createStage({ name: 'sub`x', url: 'stage://lake/2024/', comment: '' })).toBe(
      "CREATE STAGE `sub``x` URL = 'stage://lake/2024/'",
    );
  });

  it('refuses a credential value with a comma, which MatrixOne would split (§0)', () => {
    const credentials = { ...s3, AWS_SECRET_KEY: 'a,b' };
    expect(() => createStage({ name: 'x', url: 's3://b/', credentials, comment: '' })).toThrow(
      'The AWS_SECRET_KEY value cannot contain a comma',
    );
  });
});

describe('alterStage', () => {
  it('writes one ALTER STAGE per changed option, in grammar order (§1.1)', () => {
    expect(
      alterStage('lake', { comment: 'new', url: 's3://bucket/out/', credentials: s3 }),
    ).toEqual([
      "ALTER STAGE `lake` SET URL = 's3://bucket/out/'",
      "ALTER STAGE `lake` SET CREDENTIALS = {'AWS_KEY_ID'='AKIA123', 'AWS_SECRET_KEY'='s3cr''et\\\\x', " +
        "'AWS_REGION'='us-east-1', 'ENDPOINT'='s3.us-east-1.amazonaws.com', 'PROVIDER'='amazon'}",
      "ALTER STAGE `lake` SET COMMENT = 'new'",
    ]);
  });

  it('writes no CREDENTIALS clause for empty credentials, as when a stage moves to file:// (§1.1)', () => {
    expect(alterStage('lake', { url: 'file:///data/in/', credentials: {} })).toEqual([
      "ALTER STAGE `lake` SET URL = 'file:///data/in/'",
    ]);
  });

  it('writes nothing when nothing changed, and can clear a comment', () => {
    expect(alterStage('lake', {})).toEqual([]);
    expect(alterStage('lake', { comment: '' })).toEqual(["ALTER STAGE `lake` SET COMMENT = ''"]);
  });
});

describe('dropStage', () => {
  it('drops with IF EXISTS (§1.1)', () => {
    expect(dropStage('lake')).toBe('DROP STAGE IF EXISTS `lake`');
  });
});

describe('maskCredentials', () => {
  it('hides the key id and secret, quotes and backslashes included, and keeps the rest', () => {
    const sql = createStage({ name: 'lake', url: 's3://b/', credentials: s3, comment: '' });
    const masked = maskCredentials(sql);
    expect(masked).toBe(
      "CREATE STAGE `lake` URL = 's3://b/' CREDENTIALS = {'AWS_KEY_ID'='***', 'AWS_SECRET_KEY'='***', " +
        "'AWS_REGION'='us-east-1', 'ENDPOINT'='s3.us-east-1.amazonaws.com', 'PROVIDER'='amazon'}",
    );
    expect(maskCredentials(alterStage('lake', { credentials: s3 })[0] ?? '')).not.toContain('AKIA');
  });

  it('leaves SQL without credentials untouched', () => {
    expect(maskCredentials(dropStage('lake'))).toBe('DROP STAGE IF EXISTS `lake`');
  });
});
