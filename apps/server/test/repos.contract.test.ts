/**
 * One contract for the metadata repositories, run on a temporary DuckDB file and on a fresh
 * database on the test MariaDB (SLUICE_TEST_MYSQL_URL): both must behave the same to the API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Target } from '@sluice/engine';
import type { FlowDocument } from '@sluice/flow';
import { openTarget } from '@sluice/engine';
import { emptyFlowDocument } from '@sluice/flow';

import type { MetaTables } from '../src/repos/meta-schema';
import type { TestDatabase } from './mysql-test-database';
import { ConflictError, InvalidRequestError, NotFoundError } from '../src/errors';
import { CredentialCipher } from '../src/external-stages/credential-cipher';
import { ExternalStageService } from '../src/external-stages/external-stage-service';
import { ExternalStagesRepo } from '../src/repos/external-stages.repo';
import { FlowsRepo } from '../src/repos/flows.repo';
import { duckDbMetaTables, mySqlMetaTables } from '../src/repos/meta-schema';
import { migrate } from '../src/repos/migrate';
import { SCHEMA_MIGRATIONS } from '../src/repos/migrations';
import { RunsRepo } from '../src/repos/runs.repo';
import { S3_CREDENTIALS } from './fixtures';
import { createTestDatabase } from './mysql-test-database';

interface Backend {
  target: Target;
  tables: MetaTables;
  close(): Promise<void>;
}

async function duckDbBackend(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-repos-'));
  const target = await openTarget(
    { kind: 'duckdb', path: join(dir, 'meta.duckdb') },
    {
      allowedDirectories: [dir],
    },
  );
  return {
    target,
    tables: await duckDbMetaTables(target.meta),
    async close() {
      await target.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function mariaDbBackend(): Promise<Backend> {
  const database: TestDatabase = await createTestDatabase();
  const target = await openTarget(database.location, {
    allowedDirectories: [],
    metaDatabase: database.metadataDatabase,
  });
  return {
    target,
    tables: mySqlMetaTables(database.metadataDatabase),
    async close() {
      await target.close();
      await database.drop();
    },
  };
}

const KEY = Buffer.alloc(32, 7);
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

function doc(stageCount: number): FlowDocument {
  return {
    ...emptyFlowDocument(),
    stages: Array.from({ length: stageCount }, (_, i) => ({
      id: `s${i}`,
      type: 'filter',
      typeVersion: 1,
      label: `Filter ${i}`,
      position: { x: i, y: 0 },
      config: { condition: 'TRUE' },
    })),
  };
}

/** Rows of `flows` (with a version each) written as they are, duplicates and all. */
async function insertFlows(backend: Backend, names: readonly string[]): Promise<void> {
  const { flows, flowVersions } = backend.tables;
  for (const [i, name] of names.entries()) {
    // Seconds apart in the order given, so the first of each name is the oldest.
    const at = `2026-01-01 00:00:${String(10 + i)}.000`;
    await backend.target.meta.run(
      `INSERT INTO ${flows} (id, name, name_key, version, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)`,
      [`f${i}`, name, name.toLowerCase(), at, at],
    );
    await backend.target.meta.run(
      `INSERT INTO ${flowVersions} (flow_id, version, document, saved_at) VALUES (?, 1, ?, ?)`,
      [`f${i}`, JSON.stringify(emptyFlowDocument()), at],
    );
  }
}

describe.each([
  ['DuckDB', duckDbBackend],
  ['MariaDB', mariaDbBackend],
])('the unique flow name migration on %s', (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => {
    await backend.close();
  });

  it('renames later flows sharing a name to "name (n)" before adding the key, losing none', async () => {
    const before = SCHEMA_MIGRATIONS.filter((migration) => migration.id < 5);
    expect(await migrate(backend.target.meta, backend.tables, before)).toEqual([1, 2, 3, 4]);
    const long = 'L'.repeat(200);
    await insertFlows(backend, ['Orders', 'orders', 'Orders (2)', 'ORDERS', 'Other', long, long]);
    const after = SCHEMA_MIGRATIONS.filter((migration) => migration.id >= 5);
    expect(await migrate(backend.target.meta, backend.tables)).toEqual(after.map((m) => m.id));

    const flows = new FlowsRepo(backend.target.meta, backend.tables);
    const names = new Map((await flows.list()).map((flow) => [flow.id, flow.name]));
    expect(Object.fromEntries(names)).toEqual({
      f0: 'Orders',
      f1: 'orders (3)',
      f2: 'Orders (2)',
      f3: 'ORDERS (4)',
      f4: 'Other',
      f5: long,
      f6: `${'L'.repeat(196)} (2)`,
    });
    await expect(flows.create({ id: 'n', name: 'ORDERS (4)', document: doc(0) })).rejects.toThrow(
      ConflictError,
    );
    await expect(flows.rename({ id: 'f4', name: 'oRDERS' })).rejects.toThrow(ConflictError);
  });
});

describe.each([
  ['DuckDB', duckDbBackend],
  ['MariaDB', mariaDbBackend],
])('the latest document migration on %s', (_name, open) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await open();
  });
  afterAll(async () => {
    await backend.close();
  });

  it("copies each flow's latest saved document and its stage count onto the flow", async () => {
    const before = SCHEMA_MIGRATIONS.filter((migration) => migration.id < 11);
    await migrate(backend.target.meta, backend.tables, before);
    const { flows, flowVersions } = backend.tables;
    const at = '2026-01-01 00:00:10.000';
    await backend.target.meta.run(
      `INSERT INTO ${flows} (id, name, name_key, version, created_at, updated_at) VALUES (?, ?, ?, 2, ?, ?)`,
      ['f', 'Orders', 'orders', at, at],
    );
    for (const [version, document] of [doc(1), doc(3)].entries()) {
      await backend.target.meta.run(
        `INSERT INTO ${flowVersions} (flow_id, version, document, saved_at) VALUES (?, ?, ?, ?)`,
        ['f', version + 1, JSON.stringify(document), at],
      );
    }
    expect(await migrate(backend.target.meta, backend.tables)).toEqual([11]);

    const repo = new FlowsRepo(backend.target.meta, backend.tables);
    expect(await repo.byId('f')).toMatchObject({ version: 2, document: doc(3) });
    expect((await repo.list()).map((flow) => flow.stageCount)).toEqual([3]);
    await repo.save({ id: 'f', baseVersion: 2, document: doc(2) });
    expect(await repo.byId('f')).toMatchObject({ version: 3, document: doc(2) });
    expect((await repo.atVersion('f', 2)).document).toEqual(doc(3));
  });
});

describe.each([
  ['DuckDB', duckDbBackend],
  ['MariaDB', mariaDbBackend],
])('metadata repositories on %s', (_name, open) => {
  let backend: Backend;
  let flows: FlowsRepo;
  let runs: RunsRepo;
  let stages: ExternalStagesRepo;

  beforeAll(async () => {
    backend = await open();
    expect(await migrate(backend.target.meta, backend.tables)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    expect(await migrate(backend.target.meta, backend.tables)).toEqual([]);
    flows = new FlowsRepo(backend.target.meta, backend.tables);
    runs = new RunsRepo(backend.target.meta, backend.tables);
    stages = new ExternalStagesRepo(backend.target.meta, backend.tables);
  });
  afterAll(async () => {
    await backend.close();
  });

  it('creates, saves, lists and versions a flow, refusing a stale save', async () => {
    const created = await flows.create({ id: 'f1', name: 'Orders', document: doc(1) });
    expect(created).toMatchObject({ id: 'f1', name: 'Orders', version: 1, document: doc(1) });
    expect(created.createdAt).toMatch(ISO);
    const saved = await flows.save({ id: 'f1', baseVersion: 1, document: doc(3) });
    expect(saved.version).toBe(2);
    expect(saved.updatedAt).toMatch(ISO);
    expect((await flows.byId('f1')).updatedAt).toBe(saved.updatedAt);

    const stale = flows.save({ id: 'f1', baseVersion: 1, document: doc(2) });
    await expect(stale).rejects.toThrow(ConflictError);
    await expect(stale).rejects.toThrow(/now version 2\) after you opened version 1/);
    expect((await flows.byId('f1')).document).toEqual(doc(3));

    const versions = await flows.savedVersions('f1');
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions.every((v) => ISO.test(v.savedAt))).toBe(true);
    const documents = await flows.documentsBetween('f1', { from: 1, to: 2 });
    expect([...documents].sort(([a], [b]) => a - b)).toEqual([
      [1, doc(1)],
      [2, doc(3)],
    ]);
    const listed = (await flows.list()).find((f) => f.id === 'f1');
    expect(listed).toEqual({
      id: 'f1',
      name: 'Orders',
      version: 2,
      updatedAt: saved.updatedAt,
      stageCount: 3,
    });
    await expect(flows.save({ id: 'nope', baseVersion: 1, document: doc(0) })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('keeps flow names unique regardless of case, on create and rename, and deletes', async () => {
    await flows.create({ id: 'a', name: 'Alpha', document: doc(0) });
    await flows.create({ id: 'b', name: 'Beta', document: doc(0) });
    await expect(flows.create({ id: 'c', name: 'ALPHA', document: doc(0) })).rejects.toThrow(
      /A flow named "ALPHA" already exists/,
    );
    await expect(flows.rename({ id: 'b', name: 'alpha' })).rejects.toThrow(ConflictError);
    expect((await flows.rename({ id: 'b', name: 'Gamma' })).name).toBe('Gamma');
    await runs.create({ id: 'rb', flowId: 'b', flowVersion: 1, startedBy: 'api', stages: [] });
    await flows.delete('b');
    await expect(flows.byId('b')).rejects.toThrow(NotFoundError);
    await expect(runs.byId('rb')).rejects.toThrow(NotFoundError);
  });

  it('lists a flow stored with a lone surrogate before the API refused them', async () => {
    const document = doc(2);
    const [first] = document.stages;
    if (first) first.label = 'L\ud800';
    await flows.create({ id: 'bad', name: 'Stored before', document });
    const listed = (await flows.list()).find((flow) => flow.id === 'bad');
    expect(listed?.name).toBe('Stored before');
    expect((await flows.byId('bad')).document.stages[0]?.label).toBe('L\ud800');
    await flows.delete('bad');
  });

  it('keeps the parameter values a run ran with, and none for a run without', async () => {
    await flows.create({ id: 'pf', name: 'Parameters', document: doc(0) });
    const values = { month: "2026-11 'x'", top: 3, strict: false, min: '10.50' };
    await runs.create({
      id: 'p1',
      flowId: 'pf',
      flowVersion: 1,
      startedBy: 'api',
      parameters: values,
      stages: [],
    });
    await runs.create({ id: 'p2', flowId: 'pf', flowVersion: 1, startedBy: 'api', stages: [] });
    expect((await runs.byId('p1')).parameters).toEqual(values);
    expect((await runs.byId('p2')).parameters).toBeUndefined();
    const listed = await runs.listForFlow('pf');
    expect(listed.find((r) => r.id === 'p1')?.parameters).toEqual(values);
    await flows.delete('pf');
  });

  it('records a run: pending stages, updates, finish, listing and interruption', async () => {
    await flows.create({ id: 'rf', name: 'Runs', document: doc(2) });
    const stageList = [
      { stageId: 's0', label: 'Source', type: 'file-source' },
      { stageId: 's1', label: 'Table', type: 'table-destination' },
    ];
    await runs.create({
      id: 'r1',
      flowId: 'rf',
      flowVersion: 1,
      startedBy: 'api',
      stages: stageList,
    });
    await runs.markRunning('r1');
    await runs.updateStage('r1', { stageId: 's0', state: 'running' });
    const sql = `SELECT '${'x'.repeat(70_000)}'`;
    await runs.updateStage('r1', {
      stageId: 's0',
      state: 'succeeded',
      rows: 12,
      durationMs: 3.6,
      sql,
    });
    await runs.updateStage('r1', { stageId: 's1', state: 'running' });
    await runs.updateStage('r1', { stageId: 's1', state: 'failed', rows: 12, tableRows: 36 });
    await runs.finish('r1', { state: 'failed', error: 'Boom', failedStageId: 's1' });

    const run = await runs.byId('r1');
    expect(run).toMatchObject({ id: 'r1', flowId: 'rf', flowVersion: 1, state: 'failed' });
    expect(run).toMatchObject({ error: 'Boom', failedStageId: 's1' });
    expect([run.createdAt, run.startedAt, run.finishedAt].every((t) => ISO.test(t ?? ''))).toBe(
      true,
    );
    expect(run.stages).toEqual([
      {
        stageId: 's0',
        label: 'Source',
        type: 'file-source',
        state: 'succeeded',
        rows: 12,
        durationMs: 4,
        sql,
      },
      {
        stageId: 's1',
        label: 'Table',
        type: 'table-destination',
        state: 'failed',
        rows: 12,
        tableRows: 36,
      },
    ]);
    const [listedRun] = await runs.listForFlow('rf');
    expect(listedRun?.stages[1]).toMatchObject({ rows: 12, tableRows: 36 });

    await runs.create({
      id: 'r2',
      flowId: 'rf',
      flowVersion: 1,
      startedBy: 'api',
      stages: stageList,
    });
    await runs.markRunning('r2');
    await runs.updateStage('r2', { stageId: 's0', state: 'running' });
    expect(await runs.interruptUnfinished()).toBe(1);
    const interrupted = await runs.byId('r2');
    expect(interrupted.state).toBe('interrupted');
    expect(interrupted.stages.map((s) => s.state)).toEqual(['skipped', 'skipped']);

    const listed = await runs.listForFlow('rf');
    expect(listed.map((r) => r.id).sort()).toEqual(['r1', 'r2']);
    expect(listed.flatMap((r) => r.stages).every((s) => s.sql === undefined)).toBe(true);
    expect(await runs.listForFlow('rf', 1)).toHaveLength(1);
  });

  it('stores external stages with credentials encrypted at rest, never returned', async () => {
    const service = new ExternalStageService({
      repo: stages,
      cipher: new CredentialCipher(KEY),
      target: backend.target,
      fileRoots: [],
    });
    const credentials = {
      AWS_KEY_ID: 'AKIAEXAMPLEKEYID',
      AWS_SECRET_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLE',
      AWS_REGION: 'eu-west-1',
      ENDPOINT: 's3.eu-west-1.amazonaws.com',
      PROVIDER: 'amazon' as const,
    };
    const created = await service.create({ name: 'lake', url: 's3://bucket/in', credentials });
    expect(created).toMatchObject({
      name: 'lake',
      url: 's3://bucket/in/',
      comment: '',
      kind: 's3',
      settings: {
        AWS_REGION: 'eu-west-1',
        ENDPOINT: 's3.eu-west-1.amazonaws.com',
        PROVIDER: 'amazon',
      },
      secretsSet: ['AWS_KEY_ID', 'AWS_SECRET_KEY'],
    });
    expect(JSON.stringify(created)).not.toContain(credentials.AWS_SECRET_KEY);
    const raw = await backend.target.meta.query<Record<string, unknown>>(
      `SELECT * FROM ${backend.tables.externalStages} WHERE name = ?`,
      ['lake'],
    );
    const rawText = JSON.stringify(raw);
    expect(rawText).not.toContain(credentials.AWS_SECRET_KEY);
    expect(rawText).not.toContain(credentials.AWS_KEY_ID);

    const updated = await service.update({
      name: 'lake',
      comment: 'Landing',
      credentials: { AWS_SECRET_KEY: 'rotated-secret' },
    });
    expect(updated).toMatchObject({
      comment: 'Landing',
      secretsSet: ['AWS_KEY_ID', 'AWS_SECRET_KEY'],
    });
    const stored = await stages.stored('lake');
    expect(new CredentialCipher(KEY).open(stored.sealedSecrets ?? '', 'lake')).toEqual({
      AWS_KEY_ID: credentials.AWS_KEY_ID,
      AWS_SECRET_KEY: 'rotated-secret',
    });
    await expect(service.create({ name: 'lake', url: 's3://other/', credentials })).rejects.toThrow(
      ConflictError,
    );
    expect(created.enabled).toBe(true);
    expect((await stages.setEnabled('lake', false)).enabled).toBe(false);
    const [disabled] = await backend.target.meta.query<{ disabled_at: unknown }>(
      `SELECT disabled_at FROM ${backend.tables.externalStages} WHERE name = ?`,
      ['lake'],
    );
    expect(disabled?.disabled_at).not.toBeNull();
    expect((await stages.setEnabled('lake', true)).enabled).toBe(true);
    await expect(stages.setEnabled('nope', false)).rejects.toThrow(NotFoundError);
    await service.create({ name: 'sub', url: 'stage://lake/2026/' });
    await expect(service.delete('lake')).rejects.toThrow(/holds "sub"/);
    await service.delete('sub');
    await service.delete('lake');
    await expect(stages.byName('lake')).rejects.toThrow(NotFoundError);
  });

  it('refuses credentials without SLUICE_SECRET_KEY, saying to set it', async () => {
    const service = new ExternalStageService({
      repo: stages,
      cipher: new CredentialCipher(undefined),
      target: backend.target,
      fileRoots: [],
    });
    const saving = service.create({
      name: 'keyless',
      url: 's3://bucket/',
      credentials: S3_CREDENTIALS,
    });
    await expect(saving).rejects.toThrow(InvalidRequestError);
    await expect(saving).rejects.toThrow(/^Set SLUICE_SECRET_KEY/);
    expect((await stages.list()).map((s) => s.name)).not.toContain('keyless');
  });
});
