import type { MariaDbResult } from './mariadb-bench';
import { FLOW_NAMES } from './mariadb-flows';

const ratio = (a: number, b: number) => (a / b).toFixed(2);

function tableRow(r: MariaDbResult, rowsIn: string): string {
  const { sluice, hand } = r;
  return (
    `| ${FLOW_NAMES[r.flow]} | ${rowsIn} | ${r.rowsOut.toLocaleString('en-US')} | ` +
    `${sluice.seconds.toFixed(2)} | ${hand.seconds.toFixed(2)} | ` +
    `${ratio(sluice.seconds, hand.seconds)} | ${sluice.peakRssMiB.toFixed(0)} | ` +
    `${hand.peakRssMiB.toFixed(0)} | ${ratio(sluice.peakRssMiB, hand.peakRssMiB)} |`
  );
}

/** Seconds per stage of the last Sluice run, and the rest (swap or commit, cleanup). */
function stageLine(r: MariaDbResult): string {
  const stages = r.sluice.stageSeconds;
  const rest = r.sluice.seconds - stages.reduce((sum, [, seconds]) => sum + seconds, 0);
  const parts = stages.map(([stage, seconds]) => `${stage} ${seconds.toFixed(2)}`);
  return `- ${FLOW_NAMES[r.flow]}: ${[...parts, `other steps ${rest.toFixed(2)}`].join(', ')}`;
}

/** The MariaDB section of docs/benchmarks.md. */
export function mariaDbSection(results: readonly MariaDbResult[], rows: number, version: string) {
  const rowsIn = rows.toLocaleString('en-US');
  const startRss = results.map((r) => r.hand.startRssMiB.toFixed(0));
  return [
    '## MariaDB',
    '',
    `- MariaDB server ${version} on the same machine (127.0.0.1), default settings`,
    `- Input: the same ${rowsIn}-row CSV; each figure is the median of 3 runs per side.`,
    '',
    '| Flow | Rows in | Rows out | Sluice (s) | Hand-written (s) | Time ratio | Sluice peak RSS (MiB) | Hand-written peak RSS (MiB) | RSS ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => tableRow(r, rowsIn)),
    '',
    'Sluice compiles each flow for the detected server (`dialect: mysql`, product MariaDB) with',
    'the tables that exist at the start, opens the target with `openTarget` and runs the plan',
    'with `runPlan` on a run connection, as the server does. The hand-written side is what a',
    'person would write with mysql2: a temporary table with the same column types,',
    '`LOAD DATA LOCAL INFILE` fed by `infileStreamFactory`, then `INSERT ... SELECT ... WHERE`',
    '(after `TRUNCATE` for overwrite) or the filtered `SELECT` streamed through csv-stringify',
    'into the file. Each run starts from an empty destination table and runs in a Node process',
    'of its own, so peak RSS is the maximum resident set of that process; about',
    `${startRss[0] ?? '?'} MiB of it is the process before the run starts (Node, tsx, modules).`,
    '',
    'Where the Sluice time goes (seconds per stage, median run; "other steps" is the swap or',
    'the commit and the cleanup). Both sides stream the file into a table; Sluice then counts',
    'the staging rows and the view rows for the run panel, and it must use a regular table',
    'because a view cannot read a temporary table. Overwrite builds the shadow table with',
    '`CREATE TABLE ... AS SELECT` from the view and swaps it in with one `RENAME TABLE`,',
    'where the hand-written SQL truncates and inserts (not atomic); append is the same',
    '`INSERT ... SELECT` inside a transaction.',
    '',
    ...results.map(stageLine),
  ];
}
