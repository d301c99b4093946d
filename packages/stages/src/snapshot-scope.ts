import type { z } from 'zod';

import type { FieldHint } from './define-stage';

/** What a snapshot holds, or a restore puts back: the account, a database or a table of one. */
export const SNAPSHOT_LEVELS = ['account', 'database', 'table'] as const;
export type SnapshotLevel = (typeof SNAPSHOT_LEVELS)[number];

export const SNAPSHOT_LEVEL_OPTIONS = [
  { value: 'account', label: 'The account' },
  { value: 'database', label: 'A database' },
  { value: 'table', label: 'A table' },
];

interface Scoped {
  level: SnapshotLevel;
  database?: string | undefined;
  table?: string | undefined;
}

/** The database and table fields, shown where the level needs them. */
export function scopeFields<C extends Scoped>(): { database: FieldHint<C>; table: FieldHint<C> } {
  return {
    database: {
      widget: 'text',
      label: 'Database',
      hiddenWhen: (config) => config.level === 'account',
    },
    table: { widget: 'text', label: 'Table', hiddenWhen: (config) => config.level !== 'table' },
  };
}

/** Asks for the database and the table the level needs, on their fields. */
export function reportMissingScope(config: Scoped, ctx: z.RefinementCtx): void {
  if (config.level !== 'account' && !config.database) {
    ctx.addIssue({ code: 'custom', path: ['database'], message: 'Name the database.' });
  }
  if (config.level === 'table' && !config.table) {
    ctx.addIssue({ code: 'custom', path: ['table'], message: 'Name the table.' });
  }
}

/** The database and table the level names, without those it ignores. */
export function scopeOf(config: Scoped): { database?: string; table?: string } {
  return {
    ...(config.level !== 'account' && config.database ? { database: config.database } : {}),
    ...(config.level === 'table' && config.table ? { table: config.table } : {}),
  };
}
