/**
 * Paid orders summed per country, built in code: the flow the SDK's README shows beside the
 * same flow on the canvas. Run it against a server with
 * `SLUICE_URL=http://127.0.0.1:4310 npx tsx packages/sdk/examples/orders-by-region.ts`.
 */
import { pathToFileURL } from 'node:url';

import type { RunDetail } from '@sluice/sdk';
import { createClient, createFlow } from '@sluice/sdk';

/** Orders → paid ones → one row per country → the `revenue_by_country` table. */
export function ordersByRegion() {
  const flow = createFlow({ name: 'Orders by region' });
  const orders = flow.addStage('file-source', {
    label: 'Orders',
    config: { externalStage: 'samples', path: 'orders.csv', format: 'csv' },
  });
  const paid = flow.addStage('filter', {
    label: 'Paid orders',
    config: { condition: "status = 'paid'" },
  });
  const byCountry = flow.addStage('aggregate', {
    label: 'Revenue by country',
    config: {
      groupBy: ['country'],
      aggregates: [
        { fn: 'count', as: 'orders' },
        { fn: 'sum', column: 'amount', as: 'revenue' },
      ],
    },
  });
  const table = flow.addStage('table-destination', {
    label: 'revenue_by_country',
    config: { table: 'revenue_by_country', mode: 'overwrite' },
  });
  orders.connectOutputTo(paid).connectOutputTo(byCountry).connectOutputTo(table);
  return flow;
}

/** Checks the flow against the server, saves it, runs it and reports each stage as it goes. */
export async function publishAndRun(options: {
  url: string;
  token?: string;
  log: (line: string) => void;
}): Promise<RunDetail> {
  const sluice = createClient(options);
  const flow = ordersByRegion();
  const errors = (await sluice.flows.validate(flow)).filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  const { id } = await sluice.flows.create(flow);
  const { runId } = await sluice.runs.start(id);
  for await (const event of sluice.runs.watch(runId)) {
    if (event.kind === 'stage') options.log(`${event.stage.label}: ${event.stage.state}`);
    else options.log(`run: ${event.state}`);
  }
  return sluice.runs.wait(runId);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const run = await publishAndRun({
    url: process.env.SLUICE_URL ?? 'http://127.0.0.1:4310',
    ...(process.env.SLUICE_ACCESS_TOKEN ? { token: process.env.SLUICE_ACCESS_TOKEN } : {}),
    log: (line) => process.stdout.write(`${line}\n`),
  });
  process.exitCode = run.state === 'succeeded' ? 0 : 1;
}
