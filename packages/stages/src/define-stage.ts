import type { z } from 'zod';

import type { Diagnostic } from '@sluice/flow';

import type { ExecutorPlacement, StageNode } from './relational';
import type { Columns } from './stage-ir';

/** StreamSets' four families of stage. */
export type StageCategory = 'origin' | 'processor' | 'destination' | 'executor';

/**
 * How the inspector renders one config field. The generic form maps `widget` to a component;
 * a stage that needs something special names a widget, never a branch in the form.
 */
export type FieldWidget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'switch'
  | 'select'
  | 'sql-expression'
  | 'external-stage'
  | 'file-path'
  | 'table-picker'
  | 'column-schema'
  | 'column-mappings'
  | 'sort-keys'
  | 'column'
  | 'column-list'
  | 'char'
  | 'join-keys'
  | 'aggregates'
  | 'sql-query'
  | 'derived-columns'
  | 'cast-columns'
  | 'generated-columns'
  | 'target-query';

export interface FieldHint<C> {
  widget: FieldWidget;
  label: string;
  help?: string;
  placeholder?: string;
  /** The input port whose columns a column picker offers; the first input port when absent. */
  port?: string;
  /** Choices for `select`. */
  options?: readonly { value: string; label: string }[];
  /** Hides the field when this returns true for the current config (n8n's displayOptions, typed). */
  hiddenWhen?(config: C): boolean;
  /**
   * Other fields to change with this one, in the same undo step (a file name suffix that follows
   * the format). It sees the config as the form holds it, which may not parse yet.
   */
  alsoSets?(change: { previous: EditedConfig; next: EditedConfig }): Record<string, unknown>;
}

/** A config as the form edits it: what the person typed so far, not yet checked by the schema. */
export type EditedConfig = Readonly<Record<string, unknown>>;

export interface StageUi<C> {
  label: string;
  description: string;
  /** A Tabler icon name without the `Icon` prefix, e.g. `FileTypeCsv`. */
  icon: string;
  /** Form fields in display order. Every key must exist in the config schema. */
  fields: { [K in keyof C]?: FieldHint<C> };
  /** A short line the canvas node shows under its label: the table or file it reads or writes. */
  summary?(config: C): string | undefined;
  /** For an executor: where it runs, which its node's badge says; `undefined` until chosen. */
  placement?(config: C): ExecutorPlacement | undefined;
  /**
   * What a run of this stage overwrites beyond its own destinations, in words (a restore): the
   * editor asks the person to confirm before a run that contains it.
   */
  confirmBeforeRun?(config: C): string;
}

/** Input columns by port, `undefined` where not known until run time. */
export type InputColumns = Readonly<Record<string, Columns>>;

export interface StageContext<C> {
  stageId: string;
  config: C;
  /** By linked input port: an unlinked optional port is absent. */
  inputs: InputColumns;
}

/** A pure step from one config version to the next. */
export interface ConfigMigration {
  from: number;
  up(config: Record<string, unknown>): Record<string, unknown>;
}

/**
 * A stage type's input and output ports; an input in `optional` may stay unlinked, and one in
 * `many` takes any number of links (others take one).
 */
export interface StagePortNames {
  inputs: readonly string[];
  outputs: readonly string[];
  optional?: readonly string[];
  many?: readonly string[];
}

/** Everything true of a stage type wherever it runs. One module per type defines one of these. */
export interface StageDefinition<
  S extends z.ZodObject = z.ZodObject,
  T extends string = string,
  P extends StagePortNames = StagePortNames,
> {
  /** Stable kebab-case id stored in saved flows; renaming it is a migration. */
  type: T;
  version: number;
  category: StageCategory;
  config: S;
  defaults: z.output<S>;
  /**
   * A config that runs, for stage types whose defaults need choices first (a join's key pairs):
   * the registry tests compile it, over inputs of columns `id` and `amount`, in their place.
   */
  example?: z.output<S>;
  /**
   * Input and output ports; an input in `optional` may stay unlinked, and one in `many` takes
   * any number of links (others take one).
   */
  ports: P;
  ui: StageUi<z.output<S>>;
  /**
   * The columns this stage outputs, from its config and input columns; `undefined` where they are
   * only known when the flow runs, or derived by the compiler from what the stage compiles to.
   */
  outputColumns(ctx: StageContext<z.output<S>>): Columns;
  /** Checks beyond the schema that need input columns (unknown column, …). */
  check?(ctx: StageContext<z.output<S>>): Diagnostic[];
  /**
   * What this stage outputs (or writes), in the dialect-neutral relational form. The compiler
   * decides how it runs: which relations are staged, which inlined, how each dialect spells it.
   */
  compile(ctx: StageContext<z.output<S>>): StageNode;
  migrations: readonly ConfigMigration[];
}

/**
 * Identity helper that keeps the config type, the literal type id and the literal port names of a
 * stage definition, so code that builds flows can be checked against them by the compiler.
 */
export function defineStage<
  S extends z.ZodObject,
  T extends string,
  const P extends StagePortNames,
>(definition: StageDefinition<S, T, P>): StageDefinition<S, T, P> {
  return definition;
}
