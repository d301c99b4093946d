import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Plan, PlanStep } from '@sluice/compiler';
import type { FlowDocument } from '@sluice/flow';

import type { RunOutcome } from '../src/run-events';
import type { Target } from '../src/target';
import type { BothTargets, TargetName } from './both-targets';
import { runPlan } from '../src/run-plan';
import { openBothTargets, TARGET_NAMES } from './both-targets';
import { compileFor, link, stage } from './flows';
import { inRunDatabase, rowsOf } from './run-database';

/**
 * Upserts and overwrites on real targets: an upsert run twice updates the rows it matches and
 * adds the others, never duplicating a key; one that fails after its write leaves the table as
 * it was; an overwrite of a table with a primary key, an index and its own column types keeps
 * all three.
 */
const COLUMNS = [
  { name: 'id', type: 'BIGINT' },
  { name: 'name', type: 'VARCHAR' },
  { name: 'amount', type: 'DOUBLE' },
];

function writeFlow(table: string, destination: Record<string, unknown>): FlowDocument {
  return {
    schemaVersion: 1,
    stages: [
      stage('src', 'file-source', {
        externalStage: 'landing',
        path: `${table}.csv`,
        columns: COLUMNS,
      }),
      stage('dest', 'table-destination', { table, ...destination }),
    ],
    links: [link('src', 'dest')],
  };
}

let both: BothTargets;
let runs = 0;

beforeAll(async () => {
  both = await openBothTargets('writes');
  await mkdir(join(both.root, 'landing'));
}, 30_000);

afterAll(() => both.close());

async function compileRun(target: Target, doc: FlowDocument, table: string): Promise<Plan> {
  runs += 1;
  const existingTables = await target.existingTables([{ name: table }]);
  return compileFor(doc, {
    target: target.profile,
    runTag: `w${String(runs)}`,
    root: both.root,
    existingTables,
    tableDefinitions: await target.describeTables(existingTables),
  });
}

async function run(target: Target, plan: Plan): Promise<RunOutcome> {
  const client = await target.connect();
  try {
    return await runPlan(client, plan, { onEvent: () => undefined });
  } finally {
    await client.close();
  }
}

const landing = (table: string, csv: string) =>
  writeFile(join(both.root, 'landing', `${table}.csv`), csv);

describe.each(TARGET_NAMES)('on %s', (name: TargetName) => {
  const target = () => both.target(name);

  it('upserts twice: the second run updates the matching rows and adds the rest', async () => {
    const upsert = writeFlow('customers', { mode: 'upsert', keys: ['id'] });
    await landing('customers', 'id,name,amount\n1,ann,1\n2,bob,2\n');
    expect(await run(target(), await compileRun(target(), upsert, 'customers'))).toEqual({
      state: 'succeeded',
    });
    const [created] = await target().describeTables([{ name: 'customers' }]);
    expect(created?.uniqueKeys).toEqual([['id']]);

    await landing('customers', 'id,name,amount\n2,bea,20\n3,cy,3\n');
    expect(await run(target(), await compileRun(target(), upsert, 'customers'))).toEqual({
      state: 'succeeded',
    });
    expect(await rowsOf(target(), 'customers')).toEqual([
      '[1,"ann",1]',
      '[2,"bea",20]',
      '[3,"cy",3]',
    ]);
  });

  it('upserts into a table whose key is a unique index, not a constraint', async () => {
    const varchar = name === 'DuckDB' ? 'VARCHAR' : 'VARCHAR(40)';
    await inRunDatabase(target(), async (client) => {
      await client.run(`CREATE TABLE indexed (id BIGINT, name ${varchar}, amount DOUBLE)`);
      await client.run('CREATE UNIQUE INDEX indexed_id ON indexed (id)');
      await client.run("INSERT INTO indexed VALUES (1, 'ann', 1)");
    });
    const [definition] = await target().describeTables([{ name: 'indexed' }]);
    expect(definition?.uniqueKeys).toEqual([['id']]);
    await landing('indexed', 'id,name,amount\n1,bea,10\n2,cy,2\n');
    const upsert = writeFlow('indexed', { mode: 'upsert', keys: ['id'] });
    expect(await run(target(), await compileRun(target(), upsert, 'indexed'))).toEqual({
      state: 'succeeded',
    });
    expect(await rowsOf(target(), 'indexed')).toEqual(['[1,"bea",10]', '[2,"cy",2]']);
  });

  it('leaves the table as it was when the run fails after the upsert', async () => {
    const upsert = writeFlow('ledger', { mode: 'upsert', keys: ['id'] });
    await landing('ledger', 'id,name,amount\n1,ann,1\n');
    expect((await run(target(), await compileRun(target(), upsert, 'ledger'))).state).toBe(
      'succeeded',
    );
    await landing('ledger', 'id,name,amount\n1,changed,9\n2,new,2\n');
    const plan = await compileRun(target(), upsert, 'ledger');
    const write = plan.steps.find((s) => s.id === 'write:dest');
    if (!write) throw new Error('The upsert has no write step.');
    expect(write.inTransaction).toBe(true);
    const failing: PlanStep = {
      id: 'fail',
      phase: write.phase,
      sql: 'SELECT * FROM sluice_no_such_table',
      inTransaction: true,
    };
    const steps = [...plan.steps];
    steps.splice(steps.indexOf(write) + 1, 0, failing);
    const outcome = await run(target(), { ...plan, steps });
    expect(outcome.state).toBe('failed');
    expect(await rowsOf(target(), 'ledger')).toEqual(['[1,"ann",1]']);
  });

  it('overwrites a table with a primary key and an index, keeping its definition', async () => {
    const varchar = name === 'DuckDB' ? 'VARCHAR' : 'VARCHAR(40)';
    await inRunDatabase(target(), async (client) => {
      await client.run(
        `CREATE TABLE kept (id BIGINT PRIMARY KEY, name ${varchar}, amount DECIMAL(10,2), note ${varchar} DEFAULT 'n/a')`,
      );
      await client.run('CREATE INDEX kept_name ON kept (name)');
      await client.run("INSERT INTO kept VALUES (7, 'old', 1.5, 'gone')");
    });
    await landing('kept', 'id,name,amount\n1,ann,1.25\n2,bob,2.5\n');
    const plan = await compileRun(target(), writeFlow('kept', { mode: 'overwrite' }), 'kept');
    expect(await run(target(), plan)).toEqual({ state: 'succeeded' });

    expect(await rowsOf(target(), 'kept')).toEqual(['[1,"ann",1.25,"n/a"]', '[2,"bob",2.5,"n/a"]']);
    const [definition] = await target().describeTables([{ name: 'kept' }]);
    expect(definition?.uniqueKeys).toEqual([['id']]);
    expect(definition?.columns.map((c) => c.type)).toEqual([
      'BIGINT',
      'VARCHAR',
      'DECIMAL',
      'VARCHAR',
    ]);
    if (name === 'MariaDB') {
      const [show] = await inRunDatabase(target(), (client) =>
        client.query<{ 'Create Table': string }>('SHOW CREATE TABLE kept'),
      );
      const text = show?.['Create Table'] ?? '';
      expect(text).toContain('PRIMARY KEY (`id`)');
      expect(text).toContain('KEY `kept_name` (`name`)');
      expect(text).toContain('`amount` decimal(10,2)');
      expect(text).toContain("`note` varchar(40) DEFAULT 'n/a'");
    } else {
      const indexes = await target().meta.query<{ name: string }>(
        "SELECT index_name AS name FROM duckdb_indexes() WHERE table_name = 'kept'",
      );
      expect(indexes).toEqual([{ name: 'kept_name' }]);
      const types = await target().meta.query<{ type: string }>(
        "SELECT data_type AS type FROM information_schema.columns WHERE table_name = 'kept' AND column_name = 'amount'",
      );
      expect(types).toEqual([{ type: 'DECIMAL(10,2)' }]);
    }
  });
});
