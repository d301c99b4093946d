/**
 * `sluice` run as a process on a DuckDB file of its own: the sample flow file of the README,
 * variants that fail or cannot run, and the exit code of each.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openTarget } from '@sluice/engine';

import type { CliResult } from '../../test/sluice-cli';
import {
  failingCondition,
  sampleFlowFile,
  unlinkedFilter,
  writeVariant,
} from '../../test/flow-file-variants';
import { cliWorkspace, REPO_ROOT, SAMPLE_FLOW } from '../../test/sluice-cli';

let workspace: Awaited<ReturnType<typeof cliWorkspace>>;
const sluice = (...args: string[]): Promise<CliResult> => workspace.sluice(...args);

beforeAll(async () => {
  workspace = await cliWorkspace();
});
afterAll(async () => {
  await workspace.remove();
});

/** Rows of `sql` on the workspace's DuckDB file, read after the CLI process has exited. */
async function duckDbRows(sql: string): Promise<Record<string, unknown>[]> {
  const target = await openTarget(
    { kind: 'duckdb', path: join(workspace.dir, 'data', 'sluice.duckdb') },
    { allowedDirectories: [join(REPO_ROOT, 'samples')] },
  );
  try {
    return await target.meta.query(sql);
  } finally {
    await target.close();
  }
}

describe('sluice on DuckDB', () => {
  it('lists its commands and exit codes in --help', async () => {
    const help = await sluice('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('run [options] <flow>');
    expect(help.stdout).toContain('3  the run was cancelled');
  });

  it('runs the sample flow file with a line per stage and exit code 0', async () => {
    const result = await sluice('run', SAMPLE_FLOW);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('Imported the file as the flow "Paid orders".');
    const succeeded = lines.filter((line) => line.includes(': succeeded'));
    expect(succeeded).toHaveLength(3);
    expect(succeeded).toEqual(
      expect.arrayContaining([
        // The file is read inside the destination's statement, which reports no count of its own.
        expect.stringMatching(/^ {2}Orders \(file-source\): succeeded/),
        expect.stringMatching(/^ {2}Paid \(filter\): succeeded, \d+ rows/),
        expect.stringMatching(/^ {2}Paid orders table \(table-destination\): succeeded/),
      ]),
    );
    expect(lines.at(-1)).toMatch(/^Run \S+ succeeded in [\d.]+ s$/);
    const csv = join(REPO_ROOT, 'samples', 'orders.csv');
    const [expected] = await duckDbRows(
      `SELECT count(*)::INTEGER AS n FROM read_csv('${csv}') WHERE status = 'paid'`,
    );
    expect(await duckDbRows('SELECT count(*)::INTEGER AS n FROM paid_orders')).toEqual([expected]);
  }, 60_000);

  it('runs the file again as the same saved flow, and by its name', async () => {
    const again = await sluice('run', SAMPLE_FLOW);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('Imported');
    const byName = await sluice('run', 'Paid orders');
    expect(byName.code).toBe(0);
    const list = await sluice('list');
    expect(list.stdout).toBe('Paid orders\tversion 1\t3 stages\n');
  }, 60_000);

  it('exits 1 when the run fails, naming the stage and the database error', async () => {
    const path = await writeVariant(workspace.dir, 'Broken filter', failingCondition);
    const result = await sluice('run', path);
    expect(result.code).toBe(1);
    // The filter runs inside the destination's statement, but the failure is its own SQL's.
    expect(result.stdout).toMatch(/ {2}Paid \(filter\): failed: .*no_such_function/);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^Run \S+ failed in [\d.]+ s: /);
  }, 60_000);

  it('exits 4 for a flow with an error, naming the stage, and saves and runs nothing', async () => {
    const path = await writeVariant(workspace.dir, 'Unlinked filter', unlinkedFilter);
    const result = await sluice('run', path);
    expect(result.code).toBe(4);
    expect(result.stderr.split('\n')).toEqual([
      '"Unlinked filter" cannot run:',
      'error    Paid (paid): Input "in" is not connected. Link a stage into it.',
      "warning  Orders (orders): Nothing reads this stage's output; it will not run.",
      '',
    ]);
    expect(result.stdout).toBe('');
    expect((await sluice('list')).stdout).not.toContain('Unlinked filter');
  }, 60_000);

  it('exits 4 for a malformed file, with each problem at its path in the file', async () => {
    const path = await writeVariant(workspace.dir, 'Malformed', (file) => {
      file.document.stages[0]!.id = 'not an id';
    });
    const result = await sluice('run', path);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain(
      '  document.stages.0.id: Use letters, digits, "-" and "_" only',
    );
  }, 60_000);

  it('validates: exit 0 for the sample, 1 with the stage and field of each error', async () => {
    const valid = await sluice('validate', SAMPLE_FLOW);
    expect(valid).toMatchObject({ code: 0, stdout: '"Paid orders" is valid.\n' });
    const path = await writeVariant(workspace.dir, 'No stage', (file) => {
      file.document.stages[0]!.config.externalStage = 'warehouse';
    });
    const invalid = await sluice('validate', path);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain(
      'error    Orders (orders) externalStage: External stage "warehouse" does not exist.',
    );
    expect(invalid.stdout).toContain('"No stage" has 1 error.');
  }, 60_000);

  it('compiles the SQL of each target it is asked for', async () => {
    const duckdb = await sluice('compile', SAMPLE_FLOW, '--target', 'duckdb');
    expect(duckdb.code).toBe(0);
    expect(duckdb.stdout).toContain('-- write table\n');
    expect(duckdb.stdout).toContain('samples/orders.csv');
    expect(duckdb.stdout).toContain("WHERE (status = 'paid')");
    const mariadb = await sluice('compile', SAMPLE_FLOW, '--target', 'mariadb');
    expect(mariadb.stdout).toContain("LOAD DATA LOCAL INFILE 'stage://samples/orders.csv'");
    expect(mariadb.stdout).toContain('RENAME TABLE `paid_orders` TO');
    const wrong = await sluice('compile', SAMPLE_FLOW, '--target', 'oracle');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--target must be duckdb, mysql, mariadb, matrixone');
  }, 60_000);

  it('exports a saved flow to a file that imports as a new flow with the same document', async () => {
    const out = join(workspace.dir, 'exported.sluice.json');
    const exported = await sluice('export', 'Paid orders', '-o', out);
    expect(exported.code).toBe(0);
    const file = JSON.parse(await readFile(out, 'utf8')) as unknown;
    const { description: _, ...sample } = await sampleFlowFile();
    expect(file).toEqual(sample);
    const imported = await sluice('import', out);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported "Paid orders (imported)"');
  }, 60_000);

  it('exits 2 for a --param that is not name=value, before connecting', async () => {
    const result = await sluice('run', SAMPLE_FLOW, '--param', 'run_date');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("argument 'run_date' is invalid. write it as name=value");
  }, 60_000);

  it('exits 5 when the server cannot be reached', async () => {
    const result = await sluice('validate', SAMPLE_FLOW, '--server', 'http://127.0.0.1:9');
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/^Cannot reach the Sluice server/);
  }, 60_000);
});
