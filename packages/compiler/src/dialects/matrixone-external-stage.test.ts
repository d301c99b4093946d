import { describe, expect, it } from 'vitest';

import {
  alterStage,
  createStage,
  dropStage,
  maskCredentials,
  parseShownStage,
  SHOW_STAGES,
} from './matrixone-external-stage';

/**
 * Golden SQL of MatrixOne's external stage DDL. Each block names the MatrixOne source it follows
 * (repository matrixorigin/matrixone: grammar `pkg/sql/parsers/dialect/mysql/mysql_sql.y`,
 * regression cases under `test/distributed/cases/stage/`) and the section of sql-reference.md.
 */
const s3 = {
  AWS_KEY_ID: 'AKIA123',
  AWS_SECRET_KEY: "s3cr'et\\x",
  AWS_REGION: 'us-east-1',
  ENDPOINT: 's3.us-east-1.amazonaws.com',
  PROVIDER: 'amazon',
};

// `create_stage_stmt`; forms as in `stage/stage.sql` (`CREATE STAGE … URL='s3://…'
// CREDENTIALS={'AWS_KEY_ID'='…' ,…} ENABLE = TRUE COMMENT = 'self stage'`) and
// `stage/stage_based_stage.sql` (a stage:// URL).
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

// `alter_stage_stmt`; one option per statement as `stage/stage.sql` shows
// (`ALTER STAGE my_ext_stage1 SET URL='…'`, `… SET CREDENTIALS={…}`, `… SET COMMENT = 'user stage'`,
// `alter stage aws_stage set enable=TRUE`), two at once being "at most one option at a time".
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

  it('enables and disables with ENABLE = TRUE | FALSE, alone in its statement (§1.4)', () => {
    expect(alterStage('lake', { enabled: false })).toEqual([
      'ALTER STAGE `lake` SET ENABLE = FALSE',
    ]);
    expect(alterStage('lake', { comment: 'c', enabled: true })).toEqual([
      'ALTER STAGE `lake` SET ENABLE = TRUE',
      "ALTER STAGE `lake` SET COMMENT = 'c'",
    ]);
  });

  it('writes nothing when nothing changed, and can clear a comment', () => {
    expect(alterStage('lake', {})).toEqual([]);
    expect(alterStage('lake', { comment: '' })).toEqual(["ALTER STAGE `lake` SET COMMENT = ''"]);
  });
});

// `drop_stage_stmt`; `stage/stage.sql`: `DROP STAGE if exists my_ext_stage5` succeeds on a
// missing stage where `DROP STAGE my_ext_stage5` is "the stage my_ext_stage5 not exists".
describe('dropStage', () => {
  it('drops with IF EXISTS (§1.1)', () => {
    expect(dropStage('lake')).toBe('DROP STAGE IF EXISTS `lake`');
  });
});

// `show_stages_stmt`, rewritten by `buildShowStages` (`pkg/sql/plan/build_show.go`); the
// columns and statuses are those of `stage/stage.result` (`STAGE_NAME URL STATUS COMMENT`).
describe('SHOW STAGES', () => {
  it('is the bare statement, every stage of the account (§1.6)', () => {
    expect(SHOW_STAGES).toBe('SHOW STAGES');
  });

  it.each([
    ['DISABLED', false],
    ['ENABLED', true],
    ['in_use', true],
    ['enabled', true],
    ['disabled', false],
  ])(
    'reads STATUS %s as enabled: %s (3.x upper case, 4.x the stored status)',
    (status, enabled) => {
      const row = { STAGE_NAME: 'lake', URL: 's3://load/files/', STATUS: status, COMMENT: null };
      expect(parseShownStage(row)).toEqual({
        name: 'lake',
        url: 's3://load/files/',
        enabled,
        comment: '',
      });
    },
  );

  it('matches the column names without case', () => {
    const row = { stage_name: 'l', url: 'file:///d/', status: 'ENABLED', comment: 'self stage' };
    expect(parseShownStage(row)).toEqual({
      name: 'l',
      url: 'file:///d/',
      enabled: true,
      comment: 'self stage',
    });
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
