import type { Diagnostic, FieldPath, Stage } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import { getStage } from './registry';

/** A stage's config after migration and validation, or the diagnostics explaining why not. */
export type ParsedStageConfig =
  { ok: true; config: Record<string, unknown> } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Brings a saved config from `fromVersion` up to the stage type's current version by running its
 * migrations in order. Throws for an unknown stage type (check with `getStage` first).
 * @example migrateStageConfig('filter', 1, { condition: 'TRUE' })
 */
export function migrateStageConfig(
  type: string,
  fromVersion: number,
  config: Record<string, unknown>,
): Record<string, unknown> {
  const definition = getStage(type);
  if (!definition) throw new Error(`Unknown stage type "${type}".`);
  let current = config;
  for (let version = fromVersion; version < definition.version; version += 1) {
    const migration = definition.migrations.find((m) => m.from === version);
    if (!migration) {
      throw new Error(`Stage type "${type}" has no config migration from version ${version}.`);
    }
    current = migration.up(current);
  }
  return current;
}

/**
 * Migrates and validates one stage's config against its stage type. Every zod issue becomes an
 * `invalid-config` diagnostic carrying the field path, so the inspector can mark the field.
 */
export function parseStageConfig(
  stage: Pick<Stage, 'id' | 'type' | 'typeVersion' | 'config'>,
): ParsedStageConfig {
  const at = { stageId: stage.id };
  const definition = getStage(stage.type);
  if (!definition) {
    return { ok: false, diagnostics: [diagnostic('unknown-stage-type', { type: stage.type }, at)] };
  }
  if (stage.typeVersion > definition.version) {
    const args = { type: stage.type, version: stage.typeVersion, supported: definition.version };
    return { ok: false, diagnostics: [diagnostic('stage-version-too-new', args, at)] };
  }
  const migrated = migrateStageConfig(stage.type, stage.typeVersion, stage.config);
  const result = definition.config.safeParse(migrated);
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    diagnostics: result.error.issues.map((issue) =>
      diagnostic(
        'invalid-config',
        { message: issue.message },
        { ...at, path: issue.path.filter(isPathKey) },
      ),
    ),
  };
}

function isPathKey(key: PropertyKey): key is FieldPath[number] {
  return typeof key === 'string' || typeof key === 'number';
}

/**
 * A stage's config with `patch` applied, plus the fields its stage type changes along with the
 * patched ones (`FieldHint.alsoSets`: an export's file suffix follows its format). A field the
 * patch sets itself is never overridden by a follower.
 * @example patchStageConfig('file-export', exportConfig, { format: 'jsonl' })
 * // path "out.csv" becomes "out.jsonl"
 */
export function patchStageConfig(
  type: string,
  previous: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...previous, ...patch };
  const fields = getStage(type)?.ui.fields ?? {};
  let followers: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) {
    const hint = Object.hasOwn(fields, key) ? fields[key] : undefined;
    followers = { ...followers, ...hint?.alsoSets?.({ previous, next }) };
  }
  for (const key of Object.keys(patch)) delete followers[key];
  return { ...next, ...followers };
}
