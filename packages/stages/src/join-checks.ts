import type { Diagnostic } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import type { StageContext } from './define-stage';
import type { JoinConfig } from './join.stage';
import type { JoinedColumn } from './relational';
import type { ColumnType } from './stage-ir';
import { sameColumnName, unknownColumn } from './column-names';
import { joinedColumns } from './join-columns';

/**
 * Types whose values compare alike on every target: numbers with numbers, dates with timestamps.
 * Across families DuckDB refuses the comparison and the MySQL family converts one side silently
 * (text to a number, a date to a number), so the same flow would match different rows.
 */
const TYPE_FAMILY: Record<ColumnType, string> = {
  VARCHAR: 'text',
  BIGINT: 'number',
  INTEGER: 'number',
  DOUBLE: 'number',
  DECIMAL: 'number',
  BOOLEAN: 'boolean',
  DATE: 'time',
  TIMESTAMP: 'time',
  JSON: 'json',
};

type Ctx = StageContext<JoinConfig>;

/**
 * A join's problems beyond its schema, each on its field: no key pair, a key naming no column of
 * its input (with the closest name), key types that do not compare alike, and prefixes that
 * leave two output columns with one name.
 */
export function joinChecks(ctx: Ctx): Diagnostic[] {
  const { stageId, config, inputs } = ctx;
  const none =
    config.keys.length === 0
      ? [
          diagnostic(
            'invalid-config',
            { message: 'Pick at least one key pair.' },
            { stageId, path: ['keys'] },
          ),
        ]
      : [];
  const keys = config.keys.flatMap((key, i) => keyProblems(key, i, ctx));
  const { left, right } = inputs;
  const names = left && right ? nameClashes(joinedColumns(left, right, config), stageId) : [];
  return [...none, ...keys, ...names];
}

function keyProblems(key: JoinConfig['keys'][number], i: number, ctx: Ctx): Diagnostic[] {
  const { stageId, inputs } = ctx;
  const found: Diagnostic[] = [];
  const find = (side: 'left' | 'right') => {
    const columns = inputs[side];
    const column = columns?.find((c) => sameColumnName(c.name, key[side]));
    if (columns && !column) {
      const available = columns.map((c) => c.name);
      found.push(unknownColumn(key[side], available, { stageId, path: ['keys', i, side] }));
    }
    return column;
  };
  const left = find('left');
  const right = find('right');
  if (left?.type && right?.type && TYPE_FAMILY[left.type] !== TYPE_FAMILY[right.type]) {
    const args = { left: left.name, leftType: left.type, right: right.name, rightType: right.type };
    found.push(diagnostic('incomparable-keys', args, { stageId, path: ['keys', i] }));
  }
  return found;
}

/** Every output column whose name (ignoring case, as the targets do) an earlier one has. */
function nameClashes(columns: readonly JoinedColumn[], stageId: string): Diagnostic[] {
  const seen = new Map<string, JoinedColumn>();
  return columns.flatMap((column) => {
    const name = column.as.toLowerCase();
    const first = seen.get(name);
    if (!first) {
      seen.set(name, column);
      return [];
    }
    return [clash(first, column, stageId)];
  });
}

/**
 * The clash on the prefix that made one of the two names; when neither was made, both prefixes
 * are empty, and it goes on the right one.
 */
function clash(first: JoinedColumn, later: JoinedColumn, stageId: string): Diagnostic {
  const made = [later, first].find((c) => c.as !== (c.left ?? c.right));
  const side = made?.left !== undefined ? 'left' : 'right';
  const field = `${side}Prefix`;
  const message = made
    ? `The ${side} prefix makes "${made.as}", which another output column is already named; pick another prefix.`
    : `"${later.as}" is a column of both inputs and the ${side} prefix is empty; enter one so the two stay apart.`;
  return diagnostic('invalid-config', { message }, { stageId, path: [field] });
}
