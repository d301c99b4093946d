/**
 * Benchmark of many stages: validating and compiling a 1,000-stage flow, and a chain of 500
 * processors run on the embedded DuckDB and on the MariaDB server SLUICE_TEST_MYSQL_URL names,
 * each beside the same work done in two stages. Writes the `many-stages` section of
 * docs/benchmarks.md (see `writeBenchSection`). Run with `npm run bench:stages` (about a minute).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TargetProfile } from '@sluice/compiler';

import type { CompileMeasure, CompileTimes } from './many-stages-compile';
import type { ChainRun } from './many-stages-runs';
import { openTarget } from '../src/open-target';
import { createTestDatabase } from '../test/mariadb';
import { writeBenchSection } from './bench-section';
import { compileTimes } from './many-stages-compile';
import { chainRun } from './many-stages-runs';

const STAGES = 1000;
const PROCESSORS = 500;
const ROWS = 10_000;
const COMPILE_TARGET_MS = 100;
const STAGE_TARGET_MS = 20;
const COMMAND = 'npm run bench:stages -w @sluice/engine';

/** Milliseconds each processor adds beyond the data work (done by two stages). */
const perStage = (run: ChainRun) => ((run.chain - run.dataWork) * 1000) / (run.processors - 2);
const ms = (value: number) => value.toFixed(1);

async function runOnTargets(dir: string): Promise<{ duckDb: ChainRun; mariaDb: ChainRun }> {
  const duckDbTarget = await openTarget(
    { kind: 'duckdb', path: join(dir, 'chain.duckdb') },
    { allowedDirectories: [dir] },
  );
  process.stdout.write('DuckDB: chain...\n');
  const duckDb = await chainRun(duckDbTarget, { processors: PROCESSORS, rows: ROWS }).finally(() =>
    duckDbTarget.close(),
  );
  const db = await createTestDatabase('sluice_stages');
  try {
    const mariaDbTarget = await openTarget(db.location, {
      allowedDirectories: [dir],
      metaDatabase: db.metaDatabase,
    });
    process.stdout.write('MariaDB: chain...\n');
    const mariaDb = await chainRun(mariaDbTarget, { processors: PROCESSORS, rows: ROWS }).finally(
      () => mariaDbTarget.close(),
    );
    return { duckDb, mariaDb };
  } finally {
    await db.drop();
  }
}

function compileLines(times: Record<string, CompileMeasure>): string[] {
  const line = (name: string, t: CompileTimes) =>
    `| ${name} | ${ms(t.validate)} | ${ms(t.analyze)} | ${ms(t.compile)} | ${ms(t.total)} | ${ms(t.cpu)} |`;
  return [
    `| ${String(STAGES)} stages | Schema check (ms) | Analysis (ms) | Compile (ms) | Total (ms) | CPU (ms) |`,
    '|---|---:|---:|---:|---:|---:|',
    ...Object.entries(times).flatMap(([name, t]) => [
      line(`${name}, first read`, t.first),
      line(`${name}, one stage changed`, t.changed),
    ]),
  ];
}

function runLines(runs: Record<string, ChainRun>): string[] {
  const row = (label: string, cell: (run: ChainRun) => string) =>
    `| ${label} | ${Object.values(runs).map(cell).join(' | ')} |`;
  return [
    `| | ${Object.keys(runs).join(' | ')} |`,
    `|---|${Object.keys(runs)
      .map(() => '---:')
      .join('|')}|`,
    row(`${String(PROCESSORS)} processors (s)`, (r) => r.chain.toFixed(2)),
    row('the same work in 2 processors (s)', (r) => r.dataWork.toFixed(2)),
    row('overhead per stage (ms)', (r) => ms(perStage(r))),
    row('statements the chain runs', (r) => String(r.statements)),
  ];
}

async function main(): Promise<void> {
  const duckDbProfile: TargetProfile = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.5' };
  const dir = await mkdtemp(join(tmpdir(), 'sluice-stages-'));
  try {
    const { duckDb, mariaDb } = await runOnTargets(dir);
    const mariaDbProfile: TargetProfile = {
      dialect: 'mysql',
      product: 'MariaDB',
      version: '10.11.0',
    };
    process.stdout.write('Compiling...\n');
    const compile = {
      DuckDB: compileTimes(STAGES, duckDbProfile),
      MariaDB: compileTimes(STAGES, mariaDbProfile),
    };
    const slowest = (which: keyof CompileMeasure) =>
      Object.values(compile)
        .map((t) => t[which])
        .reduce((a, b) => (b.total > a.total ? b : a));
    const said = (t: CompileTimes) => `${ms(t.total)} ms (CPU ${ms(t.cpu)} ms)`;
    const mariaDbPerStage = perStage(mariaDb);
    await writeBenchSection('many-stages', {
      order: 30,
      title: 'Many stages',
      verdicts: [
        {
          met: mariaDbPerStage < STAGE_TARGET_MS,
          text: `a chain of ${String(PROCESSORS)} processors runs on MariaDB with under ${String(STAGE_TARGET_MS)} ms of overhead per stage: ${ms(mariaDbPerStage)} ms (DuckDB ${ms(perStage(duckDb))} ms)`,
        },
        {
          met: slowest('changed').total < COMPILE_TARGET_MS,
          text: `a ${String(STAGES)}-stage flow is validated and compiled in under ${String(COMPILE_TARGET_MS)} ms once its expressions were read (after an edit): ${said(slowest('changed'))}`,
        },
        {
          met: slowest('first').total < COMPILE_TARGET_MS,
          text: `the same the first time its ${String(STAGES - 2)} expressions are read, each parsed: ${said(slowest('first'))}`,
        },
      ],
      lines: [
        ...runLines({ DuckDB: duckDb, MariaDB: mariaDb }),
        '',
        `A row generator of ${ROWS.toLocaleString('en-US')} rows, ${String(PROCESSORS)} processors one after another`,
        '(a filter dropping ten rows in each ten thousand and a derive adding one to a column, by',
        'turns) and a table destination, overwritten; beside it the same work as a person would',
        'write it by hand, in two processors: one filter with all the conditions, one derive adding',
        'their sum. Each run is timed as the server runs a flow: analysed, the destination looked',
        'up, compiled, run with `runPlan`; every run checks the rows the table holds. Overhead per',
        `stage = (chain − two processors) / ${String(PROCESSORS - 2)}, medians of 3 runs alternating.`,
        '',
        ...compileLines(compile),
        '',
        `A ${String(STAGES)}-stage chain of the same kind, checked as the API checks a document`,
        '(`FlowDocumentSchema`), analysed (`analyzeFlow`: configs, links, columns, user SQL) and',
        'compiled (`compileFlow`). First read: each run spells every expression anew, so each is',
        'parsed. One stage changed: the same flow again with one condition rewritten, as the',
        "editor's preview and the run after an edit see it; an expression's reading is kept by its",
        'text, so only the changed one is parsed. Medians of 7 runs after 5 to warm up; CPU is the',
        "process's CPU time for the whole, which other work on the machine does not lengthen.",
        '',
        `Rerun: \`${COMMAND}\`.`,
      ],
    });
    process.stdout.write(`${JSON.stringify({ duckDb, mariaDb, compile }, null, 2)}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
