/**
 * The external stage service on a MatrixOne target. No MatrixOne server exists here, so the
 * target records the statements it is given (and refuses those a test says it refuses); the
 * metadata is real, on a temporary DuckDB file.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Target } from '@sluice/engine';
import { openTarget } from '@sluice/engine';

import type { MetaTables } from '../repos/meta-schema';
import { ConflictError, InvalidRequestError, NotFoundError, TargetStatementError } from '../errors';
import { ExternalStagesRepo } from '../repos/external-stages.repo';
import { duckDbMetaTables } from '../repos/meta-schema';
import { migrate } from '../repos/migrate';
import { CredentialCipher } from './credential-cipher';
import { ExternalStageService } from './external-stage-service';
import { matrixOneStageDdl } from './matrixone-stage-ddl';

const S3 = {
  AWS_KEY_ID: 'AKIAEXAMPLE',
  AWS_SECRET_KEY: 'secret-key',
  AWS_REGION: 'eu-west-1',
  ENDPOINT: 's3.eu-west-1.amazonaws.com',
  PROVIDER: 'amazon' as const,
};

let dir: string;
let meta: Target;
let tables: MetaTables;
let repo: ExternalStagesRepo;
let executed: string[];
let refuse: ((sql: string) => Promise<void>) | undefined;
/** The rows SHOW STAGES answers with, in the columns MatrixOne gives them. */
let shown: Record<string, unknown>[];
let service: ExternalStageService;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sluice-mo-stages-'));
  meta = await openTarget(
    { kind: 'duckdb', path: join(dir, 'm.duckdb') },
    { allowedDirectories: [] },
  );
  tables = await duckDbMetaTables(meta.meta);
  await migrate(meta.meta, tables);
  repo = new ExternalStagesRepo(meta.meta, tables);
  executed = [];
  refuse = undefined;
  shown = [];
  const matrixOne = {
    async execute(sql: string) {
      executed.push(sql);
      await refuse?.(sql);
    },
    meta: {
      query: async <T>(sql: string) => {
        executed.push(sql);
        await refuse?.(sql);
        return shown as T[];
      },
    },
  };
  service = new ExternalStageService({
    repo,
    cipher: new CredentialCipher(Buffer.alloc(32, 1)),
    target: matrixOne,
    fileRoots: [],
    ddl: matrixOneStageDdl,
  });
});
afterEach(async () => {
  await meta.close();
  await rm(dir, { recursive: true, force: true });
});

describe('external stages on MatrixOne', () => {
  it.each([
    [
      { name: 'Lake' },
      'Name: MatrixOne stores stage names in lowercase and then cannot find "Lake" as written; use "lake".',
    ],
    [
      { name: 'my lake' },
      'Name: MatrixOne refuses a stage name with a space, tab, backtick or quote; "my lake" has one.',
    ],
    [
      { url: "s3://bucket/it's/" },
      "URL: MatrixOne writes this value into its catalogue without escaping, so it cannot hold a quote (') or a backslash (\\).",
    ],
    [
      { comment: 'a\\b' },
      "Comment: MatrixOne writes this value into its catalogue without escaping, so it cannot hold a quote (') or a backslash (\\).",
    ],
    [
      { credentials: { ...S3, AWS_SECRET_KEY: "se'cret" } },
      "AWS_SECRET_KEY: MatrixOne writes this value into its catalogue without escaping, so it cannot hold a quote (') or a backslash (\\).",
    ],
  ])(
    'refuses %j, which MatrixOne would refuse or store as something else, saving and sending nothing',
    async (change, message) => {
      const input = {
        name: 'lake',
        url: 's3://bucket/in',
        credentials: S3,
        comment: 'raw',
        ...change,
      };
      await expect(service.create(input)).rejects.toThrow(message);
      expect(executed).toEqual([]);
      expect(await repo.list()).toEqual([]);
    },
  );

  it('refuses a changed value MatrixOne would break on, leaving the stage as it was', async () => {
    await service.create({ name: 'lake', url: 's3://bucket/in', credentials: S3, comment: 'raw' });
    executed = [];
    await expect(service.update({ name: 'lake', comment: "it's" })).rejects.toThrow(/^Comment: /);
    expect(executed).toEqual([]);
    expect((await repo.byName('lake')).comment).toBe('raw');
  });

  it('creates the server stage, then alters one option per statement, then drops it', async () => {
    // A file:// folder on MatrixOne is on the database server: Sluice's roots do not apply.
    await service.create({ name: 'lake', url: 's3://bucket/in', credentials: S3, comment: 'raw' });
    await service.create({ name: 'disk', url: 'file:///srv/mo/data' });
    expect(executed).toEqual([
      "CREATE STAGE `lake` URL = 's3://bucket/in/' CREDENTIALS = {'AWS_KEY_ID'='AKIAEXAMPLE', 'AWS_SECRET_KEY'='secret-key', 'AWS_REGION'='eu-west-1', 'ENDPOINT'='s3.eu-west-1.amazonaws.com', 'PROVIDER'='amazon'} COMMENT = 'raw'",
      "CREATE STAGE `disk` URL = 'file:///srv/mo/data/'",
    ]);
    executed = [];
    await service.update({
      name: 'lake',
      url: 's3://bucket/v2/',
      comment: 'raw v2',
      credentials: { AWS_REGION: 'us-east-1' },
    });
    expect(executed).toEqual([
      "ALTER STAGE `lake` SET URL = 's3://bucket/v2/'",
      "ALTER STAGE `lake` SET CREDENTIALS = {'AWS_KEY_ID'='AKIAEXAMPLE', 'AWS_SECRET_KEY'='secret-key', 'AWS_REGION'='us-east-1', 'ENDPOINT'='s3.eu-west-1.amazonaws.com', 'PROVIDER'='amazon'}",
      "ALTER STAGE `lake` SET COMMENT = 'raw v2'",
    ]);
    executed = [];
    await service.delete('lake');
    expect(executed).toEqual(['DROP STAGE IF EXISTS `lake`']);
    expect((await repo.list()).map((stage) => stage.name)).toEqual(['disk']);
  });

  it('saves nothing when MatrixOne refuses, quoting the server', async () => {
    refuse = () =>
      Promise.reject(new Error('internal error: do not have privilege to execute the statement'));
    const creating = service.create({ name: 'lake', url: 's3://bucket/', credentials: S3 });
    await expect(creating).rejects.toThrow(TargetStatementError);
    await expect(creating).rejects.toThrow(
      'MatrixOne refused CREATE STAGE: internal error: do not have privilege to execute the statement',
    );
    expect(await repo.list()).toEqual([]);
  });

  it('masks credentials in a refusal that quotes the statement', async () => {
    refuse = (sql) => Promise.reject(new Error(`SQL parser error near '${sql.slice(40)}'`));
    const creating = service.create({ name: 'lake', url: 's3://bucket/', credentials: S3 });
    await expect(creating).rejects.toThrow(/^MatrixOne refused CREATE STAGE: SQL parser error/);
    const message = await creating.catch((error: unknown) => String(error));
    expect(message).toContain("'AWS_REGION'='eu-west-1'");
    expect(message).not.toContain(S3.AWS_KEY_ID);
    expect(message).not.toContain(S3.AWS_SECRET_KEY);
    refuse = undefined;
    await service.create({ name: 'disk', url: 'file:///srv/mo/data' });
    refuse = (sql) => Promise.reject(new Error(`cannot parse: ${sql.replaceAll("'", '')}`));
    const updating = service.update({ name: 'disk', url: 's3://b/', credentials: S3 });
    const rejected = await updating.catch((error: unknown) => String(error));
    expect(rejected).toMatch(/^TargetStatementError: MatrixOne refused ALTER STAGE: cannot parse/);
    expect(rejected).not.toContain(S3.AWS_SECRET_KEY);
  });

  it('claims the name in the metadata first, so a create that loses it never touches the winner', async () => {
    // Another request saved the same name first; its stage is on the server.
    await service.create({ name: 'lake', url: 's3://bucket/', credentials: S3 });
    executed = [];
    await expect(
      service.create({ name: 'lake', url: 's3://other/', credentials: S3 }),
    ).rejects.toThrow(ConflictError);
    expect(executed).toEqual([]);
    expect((await repo.stored('lake')).url).toBe('s3://bucket/');
  });

  it('answers the loser of two concurrent creates with CONFLICT, keeping the winner on the server', async () => {
    // The server as MatrixOne behaves: a second CREATE STAGE of a name fails, DROP removes it.
    const onServer = new Set<string>();
    refuse = (sql) => {
      const [, verb, name] = /^(CREATE|DROP) STAGE (?:IF EXISTS )?`(\w+)`/.exec(sql) ?? [];
      if (verb === 'DROP' && name) onServer.delete(name);
      if (verb !== 'CREATE' || !name) return Promise.resolve();
      if (onServer.has(name))
        return Promise.reject(new Error(`internal error: the stage ${name} exists`));
      onServer.add(name);
      return Promise.resolve();
    };
    const results = await Promise.allSettled([
      service.create({ name: 'lake', url: 's3://first/', credentials: S3 }),
      service.create({ name: 'lake', url: 's3://second/', credentials: S3 }),
    ]);
    const losers = results.filter((result) => result.status === 'rejected');
    expect(losers).toHaveLength(1);
    expect(losers[0]?.reason).toBeInstanceOf(ConflictError);
    expect([...onServer]).toEqual(['lake']);
    expect((await repo.list()).map((stage) => stage.name)).toEqual(['lake']);
  });

  it('disables and enables with one ALTER STAGE … SET ENABLE each, and records the state', async () => {
    await service.create({ name: 'disk', url: 'file:///srv/mo/data' });
    executed = [];
    expect((await service.setEnabled('disk', false)).enabled).toBe(false);
    expect((await service.setEnabled('disk', false)).enabled).toBe(false);
    expect((await service.setEnabled('disk', true)).enabled).toBe(true);
    expect(executed).toEqual([
      'ALTER STAGE `disk` SET ENABLE = FALSE',
      'ALTER STAGE `disk` SET ENABLE = TRUE',
    ]);
  });

  it('keeps a stage enabled when MatrixOne refuses to disable it', async () => {
    await service.create({ name: 'disk', url: 'file:///srv/mo/data' });
    refuse = () => Promise.reject(new Error('internal error: do not have privilege'));
    await expect(service.setEnabled('disk', false)).rejects.toThrow(
      'MatrixOne refused ALTER STAGE: internal error: do not have privilege',
    );
    expect((await repo.byName('disk')).enabled).toBe(true);
  });

  // Rows as `test/distributed/cases/stage/stage.result` shows them (4.x statuses).
  const SERVER_ROWS = [
    { STAGE_NAME: 'disk', URL: 'file:///srv/mo/data/', STATUS: 'in_use', COMMENT: '' },
    { STAGE_NAME: 'lake', URL: 's3://load/files/', STATUS: 'disabled', COMMENT: 'self stage' },
  ];

  it("lists the server's stages with SHOW STAGES, saying which Sluice has", async () => {
    await service.create({ name: 'disk', url: 'file:///srv/mo/data' });
    shown = SERVER_ROWS;
    executed = [];
    expect(await service.serverStages()).toEqual([
      { name: 'disk', url: 'file:///srv/mo/data/', enabled: true, comment: '', adopted: true },
      {
        name: 'lake',
        url: 's3://load/files/',
        enabled: false,
        comment: 'self stage',
        adopted: false,
      },
    ]);
    expect(executed).toEqual(['SHOW STAGES']);
  });

  it('adopts a server stage without creating or changing it, keeping its status, credentials optional', async () => {
    shown = SERVER_ROWS;
    executed = [];
    const adopted = await service.adopt({ name: 'lake' });
    expect(adopted).toMatchObject({
      name: 'lake',
      url: 's3://load/files/',
      comment: 'self stage',
      kind: 's3',
      enabled: false,
      secretsSet: [],
    });
    expect(executed).toEqual(['SHOW STAGES']);
    await expect(service.adopt({ name: 'lake' })).rejects.toThrow(ConflictError);
    await expect(service.adopt({ name: 'gone' })).rejects.toThrow(NotFoundError);
  });

  it('says what MatrixOne answered when it refuses SHOW STAGES', async () => {
    refuse = () => Promise.reject(new Error('internal error: do not have privilege'));
    await expect(service.serverStages()).rejects.toThrow(
      'MatrixOne refused SHOW STAGES: internal error: do not have privilege',
    );
  });

  it('adopts with the credentials a person enters, all five or none', async () => {
    shown = SERVER_ROWS;
    await expect(
      service.adopt({ name: 'lake', credentials: { AWS_REGION: 'eu-west-1' } }),
    ).rejects.toThrow(
      'An s3:// external stage needs AWS_KEY_ID, AWS_SECRET_KEY, ENDPOINT, PROVIDER too.',
    );
    const adopted = await service.adopt({ name: 'lake', credentials: S3 });
    expect(adopted.secretsSet).toEqual(['AWS_KEY_ID', 'AWS_SECRET_KEY']);
  });
});

describe('external stages kept in Sluice only (DuckDB, MariaDB, MySQL)', () => {
  it('disables and enables in the metadata, sending nothing', async () => {
    const local = new ExternalStageService({
      repo,
      cipher: new CredentialCipher(Buffer.alloc(32, 1)),
      target: { execute: () => Promise.reject(new Error('nothing is sent')), meta: meta.meta },
      fileRoots: [dir],
    });
    await local.create({ name: 'disk', url: `file://${dir}` });
    expect((await local.setEnabled('disk', false)).enabled).toBe(false);
    expect((await repo.list()).map((stage) => [stage.name, stage.enabled])).toEqual([
      ['disk', false],
    ]);
    expect((await local.setEnabled('disk', true)).enabled).toBe(true);
    await expect(local.serverStages()).rejects.toThrow(InvalidRequestError);
  });
});
