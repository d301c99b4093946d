import type { GeneratedValue, GenerateRowsNode } from '@sluice/stages';
import { GENERATED_TYPES } from '@sluice/stages';

import type { Dialect } from '../dialects';
import type { QueryRule } from './rule';
import type { SelectQuery } from './select-query';

/** Internal names of the generator's inner queries; no output column has them. */
const ROW = '__sluice_row';
const NUMBERS = '__sluice_numbers';
const HASHED = '__sluice_hashed';
const hashName = (i: number) => `__sluice_h${String(i)}`;

/** A DECIMAL(18, scale) holds every generated decimal (below 10^15 in units of 10^-scale). */
const DECIMAL_PRECISION = 18;

/**
 * Rows made inside the target. Three nested queries: the dialect's row numbers 1…N; beside
 * each, the MD5 hex text of `seed:column:row` for every column that needs randomness; over
 * those, each column's value: its first 15 hex digits read as a whole number (below 2^60, so
 * exact in every target's BIGINT) and taken modulo the size of the column's range. MD5, the
 * text it hashes and the arithmetic are the same on every target, so are the rows.
 */
export const generateRowsRule: QueryRule<GenerateRowsNode> = {
  kind: 'query',
  expressions: () => [],
  columns: (node) =>
    node.columns.map((column) => ({ name: column.name, type: GENERATED_TYPES[column.value.kind] })),
  render: (node, { dialect }) => generatedRows(node, dialect),
};

function generatedRows(node: GenerateRowsNode, dialect: Dialect): SelectQuery {
  const q = (name: string) => dialect.quoteIdentifier(name);
  const row = q(ROW);
  // As text on every target before it is hashed: MatrixOne's CONCAT takes text only.
  const rowText = dialect.castTo(row, { name: 'text' });
  const hashes = node.columns.flatMap(({ value }, i) => {
    if (value.kind === 'sequence' || (value.kind === 'choice' && value.choices.length === 1)) {
      return [];
    }
    const text = `concat(${dialect.literal(`${String(node.seed)}:${String(i)}:`)}, ${rowText})`;
    return [`md5(${text}) AS ${q(hashName(i))}`];
  });
  const numbers = `(${dialect.rowNumbers(node.rows, ROW)}) AS ${q(NUMBERS)}`;
  const hashed = `(SELECT ${[row, ...hashes].join(', ')} FROM ${numbers}) AS ${q(HASHED)}`;
  const columns = node.columns.map(
    ({ name, value }, i) =>
      `${valueSql(value, { hash: q(hashName(i)), row, dialect })} AS ${q(name)}`,
  );
  return { columns, from: hashed };
}

/** One column's value, from its hash text `hash` or the row number `row`. */
function valueSql(
  value: GeneratedValue,
  { hash, row, dialect }: { hash: string; row: string; dialect: Dialect },
): string {
  const n = (value: number) => dialect.scalar(value);
  const pick = (span: number) => `(${dialect.hexToInteger(hash)} % ${n(span)})`;
  switch (value.kind) {
    case 'sequence':
      return dialect.castTo(`(${n(value.start)} + ${n(value.step)} * (${row} - 1))`, {
        name: 'bigint',
      });
    case 'integer':
      return dialect.castTo(`(${n(value.min)} + ${pick(value.max - value.min + 1)})`, {
        name: 'bigint',
      });
    case 'decimal': {
      const units = `(${n(value.min)} + ${pick(value.max - value.min + 1)})`;
      const unit = value.scale === 0 ? '1' : `0.${'0'.repeat(value.scale - 1)}1`;
      return dialect.castTo(`${units} * ${unit}`, {
        name: 'decimal',
        precision: DECIMAL_PRECISION,
        scale: value.scale,
      });
    }
    case 'choice': {
      const [only] = value.choices;
      if (value.choices.length === 1 && only !== undefined) return dialect.literal(only);
      const index = pick(value.choices.length);
      const cases = value.choices
        .slice(0, -1)
        .map((choice, i) => `WHEN ${n(i)} THEN ${dialect.literal(choice)}`);
      const last = dialect.literal(value.choices.at(-1) ?? '');
      return `CASE ${index} ${cases.join(' ')} ELSE ${last} END`;
    }
    case 'date':
      return dialect.addDays(dialect.literal(value.from), pick(value.days + 1));
    case 'uuid': {
      const part = (from: number, length: number) => `substr(${hash}, ${n(from)}, ${n(length)})`;
      const dash = dialect.literal('-');
      // Version 4 and the RFC 4122 variant in their places, the rest from the hash.
      return `concat(${[
        part(1, 8),
        dash,
        part(9, 4),
        dialect.literal('-4'),
        part(14, 3),
        dialect.literal('-8'),
        part(18, 3),
        dash,
        part(21, 12),
      ].join(', ')})`;
    }
  }
}
