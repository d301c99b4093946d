import type { StageCategory, StageDefinition } from './define-stage';
import { aggregateStage } from './aggregate.stage';
import { castStage } from './cast.stage';
import { cloneStage } from './clone.stage';
import { createSnapshotStage } from './create-snapshot.stage';
import { deduplicateStage } from './deduplicate.stage';
import { deriveStage } from './derive.stage';
import { fileExportStage } from './file-export.stage';
import { fileSourceStage } from './file-source.stage';
import { filterStage } from './filter.stage';
import { joinStage } from './join.stage';
import { limitStage } from './limit.stage';
import { peekStage } from './peek.stage';
import { restoreSnapshotStage } from './restore-snapshot.stage';
import { rowGeneratorStage } from './row-generator.stage';
import { selectColumnsStage } from './select-columns.stage';
import { sortStage } from './sort.stage';
import { sqlQueryStage } from './sql-query.stage';
import { sqlStatementStage } from './sql-statement.stage';
import { sqlTransformStage } from './sql-transform.stage';
import { tableDestinationStage } from './table-destination.stage';
import { tableSourceStage } from './table-source.stage';
import { unionStage } from './union.stage';

/**
 * Every stage type Sluice knows, keyed by type id. Adding a stage type is one line here plus its
 * module; nothing else in generic code names a stage type.
 */
export const stages = {
  [fileSourceStage.type]: fileSourceStage,
  [tableSourceStage.type]: tableSourceStage,
  [filterStage.type]: filterStage,
  [selectColumnsStage.type]: selectColumnsStage,
  [deriveStage.type]: deriveStage,
  [castStage.type]: castStage,
  [sortStage.type]: sortStage,
  [limitStage.type]: limitStage,
  [joinStage.type]: joinStage,
  [aggregateStage.type]: aggregateStage,
  [unionStage.type]: unionStage,
  [deduplicateStage.type]: deduplicateStage,
  [sqlTransformStage.type]: sqlTransformStage,
  [tableDestinationStage.type]: tableDestinationStage,
  [fileExportStage.type]: fileExportStage,
  [sqlQueryStage.type]: sqlQueryStage,
  [rowGeneratorStage.type]: rowGeneratorStage,
  [peekStage.type]: peekStage,
  [cloneStage.type]: cloneStage,
  [createSnapshotStage.type]: createSnapshotStage,
  [restoreSnapshotStage.type]: restoreSnapshotStage,
  [sqlStatementStage.type]: sqlStatementStage,
} as const satisfies Record<string, StageDefinition>;

/** The id of a stage type in the registry. */
export type StageType = keyof typeof stages;

/** Palette order of the categories. */
export const CATEGORY_ORDER: readonly StageCategory[] = [
  'origin',
  'processor',
  'destination',
  'executor',
];

/** The stage type with this id, or `undefined` for an id this Sluice does not know. */
export function getStage(type: string): StageDefinition | undefined {
  return Object.hasOwn(stages, type)
    ? (stages as Record<string, StageDefinition>)[type]
    : undefined;
}

/** Every stage type, ordered by category (origins first) and then by registry order. */
export function stageList(): StageDefinition[] {
  const all: StageDefinition[] = Object.values(stages);
  return CATEGORY_ORDER.flatMap((category) => all.filter((s) => s.category === category));
}
