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

/** Settings of a snapshot: its name and what it holds (the account, a database or a table). */
export const CreateSnapshotConfigSchema = z
  .object({
    name: NameSchema,
    level: z.enum(SNAPSHOT_LEVELS),
    database: NameSchema.or(z.literal('')).optional(),
    table: NameSchema.or(z.literal('')).optional(),
  })
  .superRefine(reportMissingScope);
export type CreateSnapshotConfig = z.infer<typeof CreateSnapshotConfigSchema>;

/**
 * Takes a MatrixOne snapshot once the run committed (MatrixOne refuses snapshots inside a
 * transaction), so it holds what the run wrote.
 */
export const createSnapshotStage = defineStage({
  type: 'create-snapshot',
  version: 1,
  category: 'executor',
  config: CreateSnapshotConfigSchema,
  defaults: { name: 'after_load', level: 'account' },
  ports: EXECUTOR_PORTS,
  ui: {
    label: 'Create snapshot',
    description: 'MatrixOne: takes a snapshot of the account, a database or a table.',
    icon: 'Camera',
    summary: (config) => config.name,
    placement: () => 'after-commit',
    fields: {
      name: { widget: 'text', label: 'Snapshot name', help: 'Each snapshot needs its own name.' },
      level: { widget: 'select', label: 'Of', options: SNAPSHOT_LEVEL_OPTIONS },
      ...scopeFields<CreateSnapshotConfig>(),
    },
  },
  outputColumns: noColumns,
  compile: ({ config }) => ({
    op: 'create-snapshot',
    name: config.name,
    level: config.level,
    ...scopeOf(config),
  }),
  migrations: [],
});
