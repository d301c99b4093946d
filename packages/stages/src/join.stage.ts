import { z } from 'zod';

import { NameSchema } from './config-fields';
import { defineStage } from './define-stage';
import { joinChecks } from './join-checks';
import { joinedColumns, joinOutput } from './join-columns';
import { input } from './relational';

/** One key pair: a column of the left input matched with equals to a column of the right one. */
export const JoinKeyConfigSchema = z.object({ left: NameSchema, right: NameSchema });

/** A prefix for clashing column names; empty leaves that side's names as they are. */
const PrefixSchema = NameSchema.or(z.literal(''));

/** Settings of a join: its kind, its key pairs, and the prefixes that keep clashing names apart. */
export const JoinConfigSchema = z.object({
  kind: z.enum(['inner', 'left', 'right', 'full']),
  keys: z.array(JoinKeyConfigSchema).max(100),
  leftPrefix: PrefixSchema,
  rightPrefix: PrefixSchema,
});
export type JoinConfig = z.infer<typeof JoinConfigSchema>;

const KINDS = [
  { value: 'inner', label: 'Inner: matched rows only' },
  { value: 'left', label: 'Left: every left row, matched or not' },
  { value: 'right', label: 'Right: every right row, matched or not' },
  { value: 'full', label: 'Full: every row of both inputs' },
];

/**
 * Matches the rows of two inputs on key pairs, with `=` on every target, so a NULL key matches
 * nothing. A left, right or full join leaves the other side's columns NULL where a row has no
 * match; their types stay. A full join runs as written on DuckDB and as a left join plus the
 * right rows without a match on the MySQL family, which has none.
 */
export const joinStage = defineStage({
  type: 'join',
  version: 1,
  category: 'processor',
  config: JoinConfigSchema,
  defaults: { kind: 'inner', keys: [], leftPrefix: 'left_', rightPrefix: 'right_' },
  example: {
    kind: 'inner',
    keys: [{ left: 'id', right: 'id' }],
    leftPrefix: 'left_',
    rightPrefix: 'right_',
  },
  ports: { inputs: ['left', 'right'], outputs: ['out'] },
  ui: {
    label: 'Join',
    description: 'Matches the rows of two inputs on key columns.',
    icon: 'ArrowsJoin',
    fields: {
      kind: {
        widget: 'select',
        label: 'Kind',
        help: 'Which rows without a match are kept; their other side is NULL.',
        options: KINDS,
      },
      keys: {
        widget: 'join-keys',
        label: 'Match on',
        help: 'Pairs of a left and a right column that must be equal. A NULL key matches nothing.',
      },
      leftPrefix: {
        widget: 'text',
        label: 'Left prefix',
        help: 'Put before a left column whose name the right input also has. A key pair of one name and type is output once, unprefixed.',
      },
      rightPrefix: {
        widget: 'text',
        label: 'Right prefix',
        help: 'Put before a right column whose name the left input also has.',
      },
    },
  },
  outputColumns: ({ config, inputs }) => {
    const { left, right } = inputs;
    if (!left || !right) return undefined;
    return joinOutput(joinedColumns(left, right, config));
  },
  check: joinChecks,
  compile: ({ config, inputs }) => {
    const { left, right } = inputs;
    return {
      op: 'join',
      kind: config.kind,
      left: input('left'),
      right: input('right'),
      keys: config.keys.map((key, i) => ({
        left: { kind: 'column', name: key.left, path: ['keys', i, 'left'] },
        right: { kind: 'column', name: key.right, path: ['keys', i, 'right'] },
      })),
      ...(left && right ? { columns: joinedColumns(left, right, config) } : {}),
    };
  },
  migrations: [],
});
