import type { Diagnostic } from '@sluice/flow';
import type { Columns, FieldHint, InputColumns, StageNode } from '@sluice/stages';

/** What every field widget gets: its value, a setter, and what the form knows around it. */
export interface FieldProps {
  fieldKey: string;
  hint: FieldHint<Record<string, unknown>>;
  value: unknown;
  onChange: (value: unknown) => void;
  /** True when an error points at the field itself (the form shows its message). */
  invalid: boolean;
  /**
   * Problems inside the field, at a row of a list (`columns.2.source`): a list widget shows each
   * at its row and marks the box the path names.
   */
  rowIssues: readonly Diagnostic[];
  context: FieldContext;
}

/** The stage around a field: its whole config, its form hints and its input columns. */
export interface FieldContext {
  stageId: string;
  config: Record<string, unknown>;
  fields: Readonly<Record<string, FieldHint<Record<string, unknown>> | undefined>>;
  /** Columns arriving on the stage's first input port. */
  inputColumns: Columns;
  /** Columns arriving on each linked input port; unlinked ports are absent. */
  inputs: InputColumns;
  /** The stage type's input ports, in order. */
  ports: readonly string[];
  /** What the stage compiles to with its current config; absent while the config is invalid. */
  node: StageNode | undefined;
  /** Sets another field of the same stage (e.g. detected columns). */
  setField: (key: string, value: unknown) => void;
  /** Sets several fields of the same stage in one undo step (a picked table and its schema). */
  setConfig: (patch: Record<string, unknown>) => void;
}

/** The config key of the first field drawn with `widget` (e.g. the external stage of a file). */
export function keyOfWidget(context: FieldContext, widget: FieldHint<unknown>['widget']) {
  return Object.entries(context.fields).find(([, hint]) => hint?.widget === widget)?.[0];
}

/**
 * The names a column picker offers: the columns on the hint's port (the first input port when it
 * names none); `undefined` while they are not known, so the widget falls back to typing.
 */
export function pickableColumns(
  context: FieldContext,
  hint: Pick<FieldHint<unknown>, 'port'>,
): string[] | undefined {
  const port = hint.port ?? context.ports[0];
  return port === undefined ? undefined : context.inputs[port]?.map((c) => c.name);
}

/** The picker's choices: the available names, plus the current value when it is not among them. */
export function choicesWith(available: readonly string[], current: readonly string[]): string[] {
  return [...available, ...current.filter((name) => name && !available.includes(name))];
}

/** A string view of a config value that should be text. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** The problems of one row of a list field, and whether an error marks the box `box` of it. */
export function rowProblems(issues: readonly Diagnostic[], row: number) {
  const own = issues.filter((d) => d.path?.[1] === row);
  return {
    issues: own,
    invalid: (box: string) =>
      own.some((d) => d.severity === 'error' && (d.path?.[2] === undefined || d.path[2] === box)),
  };
}
