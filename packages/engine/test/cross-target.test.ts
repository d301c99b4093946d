import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getDialect } from '@sluice/compiler';

import type { Target } from '../src/target';
import type { ExistingTable, ProofCase } from './cross-target-data';
import type { TestDatabase } from './mariadb';
import { openTarget } from '../src/open-target';
import { runPlan } from '../src/run-plan';
import { PROOF_CASES, SOURCE_FILES } from './cross-target-data';
import { compileFor } from './flows';
import { createTestDatabase } from './mariadb';
import { normalisedTable } from './normalise-rows';

/**
 * The proof that a flow means the same on every target: each flow is compiled for DuckDB and
 * for MariaDB, run on both, and must leave the same table rows and byte-identical exports.
 */
interface Side {
  name: string;
  target: Target;
  /** External stage `x` of this side is `<root>/x/`. */
  root: string;
}

let dir: string;
let db: TestDatabase;
const sides: Side[] = [];

async function sideRoot(name: string): Promise<string> {
  const root = join(dir, name);
  await mkdir(join(root, 'landing'), { recursive: true });
  for (const [file, text] of Object.entries(SOURCE_FILES)) {
    await writeFile(join(root, 'landing', file), text);
  }
  return root;
}

beforeAll(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'sluice-proof-')));
  db = await createTestDatabase('sluice_proof');
  const duckRoot = await sideRoot('duckdb');
  const duckdb = await openTarget(
    { kind: 'duckdb', path: join(duckRoot, 'proof.duckdb') },
    { allowedDirectories: [dir] },
  );
  sides.push({ name: 'DuckDB', target: duckdb, root: duckRoot });
  const mariadb = await openTarget(db.location, {
    allowedDirectories: [dir],
    metaDatabase: db.metaDatabase,
  });
  sides.push({ name: 'MariaDB', target: mariadb, root: await sideRoot('mariadb') });
}, 30_000);

afterAll(async () => {
  for (const side of sides) await side.target.close();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
});

/** Creates the destination a case expects to exist, with the side's own column types. */
async function createExisting(target: Target, table: string, existing: ExistingTable) {
  const dialect = getDialect(target.profile.dialect);
  const columns = existing.columns
    .map((c) => `${dialect.quoteIdentifier(c.name)} ${dialect.columnType(c.type)}`)
    .join(', ');
  // A run's connection, so the table lands where runs write (not in the metadata database).
  const client = await target.connect();
  try {
    await client.run(`CREATE TABLE ${dialect.quoteIdentifier(table)} (${columns})`);
    await client.run(`INSERT INTO ${dialect.quoteIdentifier(table)} VALUES ${existing.values}`);
  } finally {
    await client.close();
  }
}

/** Runs the case on one side; returns the table, the exported files and rows per stage. */
async function runCase(side: Side, proof: ProofCase, runTag: string) {
  if (proof.existing) await createExisting(side.target, proof.table, proof.existing);
  const existingTables = await side.target.existingTables([{ name: proof.table }]);
  const plan = compileFor(proof.flow, {
    target: side.target.profile,
    runTag,
    root: side.root,
    existingTables,
  });
  const stageRows: Record<string, number | undefined> = {};
  const client = await side.target.connect();
  try {
    const outcome = await runPlan(client, plan, {
      onEvent: (event) => {
        if (event.state === 'succeeded') stageRows[event.stageId] = event.rows;
      },
    });
    expect(outcome, `${side.name}: ${proof.name}`).toEqual({ state: 'succeeded' });
    const quoted = getDialect(side.target.profile.dialect).quoteIdentifier(proof.table);
    const table = await normalisedTable(client, quoted);
    const files = await Promise.all(
      proof.exports.map((file) => readFile(join(side.root, 'exports', file), 'utf8')),
    );
    return { table, files, stageRows };
  } finally {
    await client.close();
  }
}

describe('the same flows on DuckDB and MariaDB', () => {
  it.each(PROOF_CASES.map((proof, index) => [proof.name, proof, index] as const))(
    '%s',
    { timeout: 30_000 },
    async (_name, proof, index) => {
      const [onDuckDb, onMariaDb] = [
        await runCase(sides[0] as Side, proof, `p${String(index)}d`),
        await runCase(sides[1] as Side, proof, `p${String(index)}m`),
      ];
      expect(onDuckDb.table.rows.length).toBeGreaterThan(1);
      expect(onMariaDb.table).toEqual(onDuckDb.table);
      // Each target reports the rows its statements report (a file DuckDB reads inside the
      // statement reading it has none): where both report a stage's rows, they agree.
      const shared = Object.keys(onDuckDb.stageRows).filter(
        (id) => onDuckDb.stageRows[id] !== undefined && onMariaDb.stageRows[id] !== undefined,
      );
      expect(shared.length).toBeGreaterThan(0);
      for (const id of shared) expect(onMariaDb.stageRows[id]).toBe(onDuckDb.stageRows[id]);
      if (proof.firstExportMatches) expect(onDuckDb.files[0]).toMatch(proof.firstExportMatches);
      proof.exports.forEach((file, i) => {
        expect(onDuckDb.files[i]?.length, file).toBeGreaterThan(0);
        expect(onMariaDb.files[i], file).toBe(onDuckDb.files[i]);
      });
    },
  );
});
