import type { FlowDocument, Stage } from '@sluice/flow';

import { link, stage } from './flows';

/** The columns the chain's generator makes: a sequence from 1 and a decimal to derive from. */
const COLUMNS = [
  { name: 'id', kind: 'sequence', start: 1, step: 1 },
  { name: 'amount', kind: 'decimal', min: 0, max: 1000, scale: 2 },
];

/**
 * Processor `i` of the chain: a filter dropping the ids whose last three digits are `i / 2`
 * (ten rows in each ten thousand), or a derive adding one to `amount`, by turns. A filter
 * after a derive reads the derived column's name, so each pair nests one SELECT in another.
 * Each variant writes every expression differently for the same rows.
 */
function processor(i: number, variant: number): Stage {
  const id = `p${String(i)}`;
  if (i % 2 === 0) {
    const condition = `(id + ${String(1000 * variant)}) % 1000 <> ${String((i / 2) % 1000)}`;
    return stage(id, 'filter', { condition });
  }
  const expression = `amount + ${String(variant + 1)} - ${String(variant)}`;
  return stage(id, 'derive', { columns: [{ name: 'amount', expression }] });
}

/** What a chain is made of: its generator's rows, its destination table, how it is written. */
export interface ChainOptions {
  rows: number;
  table: string;
  /** Which spelling of the expressions (0 when not given): each gives the same rows. */
  variant?: number;
}

/** A row generator, `processors` into `table` (overwritten), linked one after another. */
function linkedFlow(processors: readonly Stage[], { rows, table }: ChainOptions): FlowDocument {
  const stages = [
    stage('rows', 'row-generator', { rows, seed: 1, columns: COLUMNS }),
    ...processors,
    stage('dest', 'table-destination', { table, mode: 'overwrite' }),
  ];
  const links = stages.slice(1).map((to, i) => link(stages[i]?.id ?? '', to.id));
  return { schemaVersion: 1, stages, links };
}

/** A chain of `processors` processors one after another (see `processor`). */
export function chainFlow(processors: number, options: ChainOptions): FlowDocument {
  const { variant = 0 } = options;
  return linkedFlow(
    Array.from({ length: processors }, (_, i) => processor(i, variant)),
    options,
  );
}

/**
 * The work of a chain of `processors` in two stages, as a person would write it by hand: one
 * filter with every condition of the chain's filters, one derive adding what its derives add.
 */
export function condensedFlow(processors: number, options: ChainOptions): FlowDocument {
  const conditions = Array.from(
    { length: Math.ceil(processors / 2) },
    (_, k) => `id % 1000 <> ${String(k % 1000)}`,
  );
  const expression = `amount + ${String(Math.floor(processors / 2))}`;
  return linkedFlow(
    [
      stage('all', 'filter', { condition: conditions.join(' AND ') }),
      stage('added', 'derive', { columns: [{ name: 'amount', expression }] }),
    ],
    options,
  );
}

/** The rows a chain of `processors` keeps of `rows` generated ones (see `processor`). */
export function chainRows(processors: number, rows: number): number {
  const dropped = new Set(Array.from({ length: Math.ceil(processors / 2) }, (_, k) => k % 1000));
  let kept = 0;
  for (let id = 1; id <= rows; id += 1) if (!dropped.has(id % 1000)) kept += 1;
  return kept;
}
