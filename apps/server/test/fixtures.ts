import type { FlowDocument, Stage } from '@sluice/flow';
import { emptyFlowDocument } from '@sluice/flow';

const stage = (id: string, type: string, config: Record<string, unknown>): Stage => ({
  id,
  type,
  typeVersion: 1,
  label: id,
  position: { x: 0, y: 0 },
  config,
});

const link = (from: string, to: string) => ({
  id: `${from}-${to}`,
  source: { stageId: from, port: 'out' },
  target: { stageId: to, port: 'in' },
});

const CSV = { header: true, delimiter: ',', quote: '"', escape: '"', nullString: '' };

/**
 * orders.csv → paid orders → table `paid_orders` and file `exports/paid.csv`; `condition`
 * replaces the filter's `status = 'paid'`.
 */
export function paidOrdersFlow(
  source: { externalStage?: string; path?: string; condition?: string } = {},
): FlowDocument {
  return {
    ...emptyFlowDocument(),
    stages: [
      stage('orders', 'file-source', {
        externalStage: source.externalStage ?? 'samples',
        path: source.path ?? 'orders.csv',
        ...CSV,
        skipLines: 0,
        columns: [],
      }),
      stage('paid', 'filter', { condition: source.condition ?? `status = 'paid'` }),
      stage('table', 'table-destination', {
        table: 'paid_orders',
        mode: 'overwrite',
        createIfMissing: true,
      }),
      stage('export', 'file-export', { externalStage: 'exports', path: 'paid.csv', ...CSV }),
    ],
    links: [link('orders', 'paid'), link('paid', 'table'), link('paid', 'export')],
  };
}

/** Two filters feeding each other: a cycle. */
export function cyclicFlow(): FlowDocument {
  return {
    ...emptyFlowDocument(),
    stages: [
      stage('a', 'filter', { condition: 'TRUE' }),
      stage('b', 'filter', { condition: 'TRUE' }),
    ],
    links: [link('a', 'b'), link('b', 'a')],
  };
}

/** The five credentials an S3 external stage needs, with placeholder values. */
export const S3_CREDENTIALS = {
  AWS_KEY_ID: 'k',
  AWS_SECRET_KEY: 's',
  AWS_REGION: 'r',
  ENDPOINT: 'e',
  PROVIDER: 'minio',
} as const;
