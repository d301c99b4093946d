import { analyzeFlow, compileFlow } from '@sluice/compiler';

import type { Target } from '../src/target';
import { chainFlow, chainRows } from '../test/chain-flow';
import { inRunDatabase } from '../test/run-database';
import { median, runSluicePlan, timed } from './measure';

const REPEATS = 3;
const TABLE = 'sluice_chain';

/** The chain's run on one target beside the same data with no processor, medians in seconds. */
export interface ChainRun {
  processors: number;
  rows: number;
  /** Statements the chain's plan runs. */
  statements: number;
  chain: number;
  dataWork: number;
}

/** Compiles a chain as a run on the server does (destination looked up) and runs it. */
async function runChain(
  target: Target,
  { processors, rows, runTag }: { processors: number; rows: number; runTag: string },
): Promise<{ seconds: number; statements: number }> {
  let statements = 0;
  const seconds = await timed(async () => {
    const doc = chainFlow(processors, { rows, table: TABLE });
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
  const expected = chainRows(processors, rows);
  if (Number(written[0]?.n) !== expected) {
    throw new Error(`A ${String(processors)}-processor chain wrote ${String(written[0]?.n)} rows.`);
  }
  return { seconds, statements };
}

/**
 * A chain of `processors` processors and the same `rows` generated rows written with none,
 * alternating, `REPEATS` times each; every run checks the rows the destination holds.
 */
export async function chainRun(
  target: Target,
  { processors, rows }: { processors: number; rows: number },
): Promise<ChainRun> {
  const times = { chain: [] as number[], dataWork: [] as number[] };
  let statements = 0;
  for (let i = 0; i < REPEATS; i += 1) {
    const none = await runChain(target, { processors: 0, rows, runTag: `none${String(i)}` });
    times.dataWork.push(none.seconds);
    const chain = await runChain(target, { processors, rows, runTag: `chain${String(i)}` });
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
