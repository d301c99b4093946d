import { z } from 'zod';

import { NameSchema } from './config-fields';
import { defineStage } from './define-stage';
import { EXECUTOR_PORTS, noColumns } from './executor-ports';
import {
  reportMissingScope,
  scopeFields,
  scopeOf,
  SNAPSHOT_LEVEL_OPTIONS,
  SNAPSHOT_LEVELS,
} from './snapshot-scope';

const OptionalName = NameSchema.or(z.literal('')).optional();

/** Settings of a restore: the snapshot, and what it puts back. */
export const RestoreSnapshotConfigSchema = z
  .object({
    snapshot: NameSchema,
    level: z.enum(SNAPSHOT_LEVELS),
    account: OptionalName,
    database: OptionalName,
    table: OptionalName,
  })
  .superRefine((config, ctx) => {
    if (config.level === 'account' && !config.account) {
      ctx.addIssue({ code: 'custom', path: ['account'], message: 'Name the account.' });
    }
    reportMissingScope(config, ctx);
  });
export type RestoreSnapshotConfig = z.infer<typeof RestoreSnapshotConfigSchema>;

/** What a restore overwrites, in words: the editor asks before a run that contains one. */
export function restoredObject(config: RestoreSnapshotConfig): string {
  if (config.level === 'account') return `the whole account ${config.account ?? ''}`;
  if (config.level === 'database') return `database ${config.database ?? ''}`;
  return `table ${config.database ?? ''}.${config.table ?? ''}`;
}

/**
 * Puts the account, a database or a table back as a MatrixOne snapshot holds it, once the run
 * committed (MatrixOne refuses RESTORE inside a transaction). It overwrites what is there now,
 * so the editor asks for confirmation before a run that contains one.
 */
export const restoreSnapshotStage = defineStage({
  type: 'restore-snapshot',
  version: 1,
  category: 'executor',
  config: RestoreSnapshotConfigSchema,
  defaults: { snapshot: 'before_load', level: 'database', database: 'analytics' },
  ports: EXECUTOR_PORTS,
  ui: {
    label: 'Restore snapshot',
    description: 'MatrixOne: puts the account, a database or a table back as a snapshot holds it.',
    icon: 'Restore',
    summary: (config) => `${restoredObject(config)} ← ${config.snapshot}`,
    placement: () => 'after-commit',
    confirmBeforeRun: (config) =>
      `${restoredObject(config)} is overwritten with what snapshot ${config.snapshot} holds; changes made since are lost.`,
    fields: {
      snapshot: { widget: 'text', label: 'Snapshot' },
      level: { widget: 'select', label: 'Restore', options: SNAPSHOT_LEVEL_OPTIONS },
      account: {
        widget: 'text',
        label: 'Account',
        help: 'MatrixOne 3.x names the account in every restore; 4.x only for an account restore.',
      },
      ...scopeFields<RestoreSnapshotConfig>(),
    },
  },
  outputColumns: noColumns,
  compile: ({ config }) => ({
    op: 'restore-snapshot',
    snapshot: config.snapshot,
    level: config.level,
    ...(config.account ? { account: config.account } : {}),
    ...scopeOf(config),
  }),
  migrations: [],
});
