import type { FlowDocument } from '@sluice/flow';
import { analyzeFlow, compileFlow } from '@sluice/compiler';

import type { Target } from '../src/target';
import { chainFlow, chainRows, condensedFlow } from '../test/chain-flow';
import { inRunDatabase } from '../test/run-database';
import { median, runSluicePlan, timed } from './measure';

const REPEATS = 3;
const TABLE = 'sluice_chain';

/** The chain's run on one target beside the same work in two stages, medians in seconds. */
export interface ChainRun {
  processors: number;
  rows: number;
  /** Statements the chain's plan runs. */
  statements: number;
  chain: number;
  /** The same work in two stages (see `condensedFlow`). */
  dataWork: number;
}

/**
 * Compiles a flow as a run on the server does (destination looked up), runs it, and checks it
 * wrote the `expected` rows.
 */
async function runFlow(
  target: Target,
  { doc, expected, runTag }: { doc: FlowDocument; expected: number; runTag: string },
): Promise<{ seconds: number; statements: number }> {
  let statements = 0;
  const seconds = await timed(async () => {
    const analysis = analyzeFlow(doc, { parameters: { dialect: target.profile.dialect } });
    const existingTables = await target.existingTables([{ name: TABLE }]);
    const compiled = compileFlow(analysis, { target: target.profile, runTag, existingTables });
    if (!compiled.plan) throw new Error(`No plan: ${JSON.stringify(compiled.diagnostics)}`);
    const { plan } = compiled;
    statements = plan.steps.length;
    const client = await target.connect();
    try {
      await runSluicePlan(client, plan);
    } finally {
      await client.close();
    }
  });
  const written = await inRunDatabase(target, (client) =>
    client.query<{ n: number }>(`SELECT count(*) AS n FROM ${TABLE}`),
  );
  if (Number(written[0]?.n) !== expected) {
    throw new Error(`A run wrote ${String(written[0]?.n)} rows instead of ${String(expected)}.`);
  }
  return { seconds, statements };
}

/**
 * A chain of `processors` processors and the same work in two stages over the same `rows`
 * generated rows, alternating, `REPEATS` times each; every run checks the rows it wrote.
 */
export async function chainRun(
  target: Target,
  { processors, rows }: { processors: number; rows: number },
): Promise<ChainRun> {
  const times = { chain: [] as number[], dataWork: [] as number[] };
  let statements = 0;
  for (let i = 0; i < REPEATS; i += 1) {
    const options = { rows, table: TABLE };
    const expected = chainRows(processors, rows);
    const doc = condensedFlow(processors, options);
    const two = await runFlow(target, { doc, expected, runTag: `two${String(i)}` });
    times.dataWork.push(two.seconds);
    const chain = await runFlow(target, {
      doc: chainFlow(processors, options),
      expected,
      runTag: `chain${String(i)}`,
    });
    times.chain.push(chain.seconds);
    statements = chain.statements;
  }
  return {
    processors,
    rows,
    statements,
    chain: median(times.chain),
    dataWork: median(times.dataWork),
  };
}
