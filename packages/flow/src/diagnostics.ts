/**
 * The closed table of flow diagnostics. A diagnostic is a problem with the flow a person can fix;
 * it is data (never thrown), tied to a stage and a config field where it has one, so the canvas
 * badges the stage and the inspector marks the field.
 */

export type Severity = 'error' | 'warning';

/** Config field path inside a stage's config, as zod reports it. */
export type FieldPath = readonly (string | number)[];

interface DiagnosticArgs {
  cycle: { stageIds: readonly string[] };
  'missing-input': { port: string };
  'too-many-inputs': { port: string };
  'unknown-port': { port: string };
  'unknown-stage-type': { type: string };
  'stage-version-too-new': { type: string; version: number; supported: number };
  'invalid-config': { message: string };
  /** `suggestion` is the available name the person most likely meant, when one is close. */
  'unknown-column': { column: string; available: readonly string[]; suggestion?: string };
  'invalid-sql': { message: string };
  'unchecked-sql': { message: string };
  'unsupported-on-target': { feature: string; needs: string; target: string; instead: string };
  'ignored-on-target': { option: string; target: string; outcome: string };
  /** A value the target would refuse deep inside, or read as something else than it says. */
  'misread-on-target': { what: string; target: string; outcome: string; instead: string };
  'unconnected-output': Record<string, never>;
  'no-destination': Record<string, never>;
  'unknown-external-stage': { name: string };
  /** An external stage turned off on the External stages page: no flow reads or writes it. */
  'disabled-external-stage': { name: string };
  'missing-table': { table: string };
  'reserved-schema': { schema: string };
  'path-suffix-mismatch': { suffix: string; format: string; expected: string };
  'incomparable-keys': { left: string; leftType: string; right: string; rightType: string };
  /** Two inputs bring one column with different types; `result` is the type the output has. */
  'column-types-differ': { column: string; first: string; second: string; result: string };
  'unknown-parameter': { name: string };
  /** A `${name}` reference where its value cannot stand (`why` says what to do instead). */
  'misplaced-parameter': { name: string; why: string };
  /** An upsert into an existing table whose primary and unique keys are not on its key columns. */
  'no-unique-key': { table: string; keys: readonly string[] };
  /** An overwrite whose columns the existing table cannot take, so the table is made anew. */
  'overwrite-recreates': { table: string; columns: readonly string[] };
}

export type DiagnosticCode = keyof DiagnosticArgs;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  stageId?: string;
  path?: FieldPath;
}

const MESSAGES: { [C in DiagnosticCode]: (args: DiagnosticArgs[C]) => string } = {
  cycle: ({ stageIds }) =>
    `These stages form a cycle: ${stageIds.join(' → ')}. Remove one of the links.`,
  'missing-input': ({ port }) => `Input "${port}" is not connected. Link a stage into it.`,
  'too-many-inputs': ({ port }) => `Input "${port}" takes one link; remove the extra ones.`,
  'unknown-port': ({ port }) => `This stage has no port "${port}".`,
  'unknown-stage-type': ({ type }) =>
    `Unknown stage type "${type}". It may come from a newer Sluice; remove the stage or upgrade.`,
  'stage-version-too-new': ({ type, version, supported }) =>
    `This "${type}" stage was saved by a newer Sluice (version ${version}, this one knows ${supported}).`,
  'invalid-config': ({ message }) => message,
  'unknown-column': ({ column, available, suggestion }) => {
    if (suggestion !== undefined)
      return `Unknown column "${column}"; did you mean "${suggestion}"?`;
    return available.length === 0
      ? `Unknown column "${column}": the input has no known columns.`
      : `Unknown column "${column}". Available: ${available.join(', ')}.`;
  },
  'invalid-sql': ({ message }) => message,
  'unchecked-sql': ({ message }) => message,
  'unsupported-on-target': ({ feature, needs, target, instead }) =>
    `${feature} needs ${needs}; this server is ${target}. ${instead}`,
  'ignored-on-target': ({ option, target, outcome }) =>
    `${target} cannot honour ${option}: ${outcome}.`,
  'misread-on-target': ({ what, target, outcome, instead }) =>
    `${target} misreads ${what}: ${outcome}. ${instead}`,
  'unconnected-output': () => "Nothing reads this stage's output; it will not run.",
  'no-destination': () =>
    'The flow has no destination: add a table destination, a file export or a peek.',
  'unknown-external-stage': ({ name }) =>
    `External stage "${name}" does not exist. Pick one from the list or create it.`,
  'disabled-external-stage': ({ name }) =>
    `External stage "${name}" is disabled: enable it on the External stages page, or pick another.`,
  'missing-table': ({ table }) =>
    `Table "${table}" does not exist: turn on "Create the table if it is missing" or create it.`,
  'reserved-schema': ({ schema }) =>
    `Schema "${schema}" holds Sluice's own tables (flows, runs, external stages); write to another schema.`,
  'path-suffix-mismatch': ({ suffix, format, expected }) =>
    `The file name ends in "${suffix}" but the file is written as ${format}: end it in "${expected}", or pick the format its name says.`,
  'incomparable-keys': ({ left, leftType, right, rightType }) =>
    `"${left}" (${leftType}) and "${right}" (${rightType}) are not alike types: some targets refuse to compare them, others convert one silently. Cast one of them first, or pick other columns.`,
  'column-types-differ': ({ column, first, second, result }) => {
    const text =
      result === 'VARCHAR'
        ? ' The other values become text, which targets may spell differently (true or 1); cast them first to choose.'
        : '';
    return `Column "${column}" is ${first} in the first input and ${second} in the second; the output column is ${result}.${text}`;
  },
  'unknown-parameter': ({ name }) =>
    `Unknown parameter \${${name}}: declare it in the flow's parameters.`,
  'misplaced-parameter': ({ name, why }) => `\${${name}} cannot be used here: ${why}`,
  'no-unique-key': ({ table, keys }) =>
    `Table "${table}" has no primary or unique key on exactly (${keys.join(', ')}), so an upsert cannot find the row to update and would add duplicates. Add that key to the table, pick the columns of one it has, or write to a new table (Sluice creates it with this key).`,
  'overwrite-recreates': ({ table, columns }) =>
    `Table "${table}" has no column ${columns.map((c) => `"${c}"`).join(', ')}: the overwrite replaces the table with this run's columns and types, and its keys and indexes are lost. Add the columns to the table to keep its definition.`,
};

const SEVERITY: Record<DiagnosticCode, Severity> = {
  cycle: 'error',
  'missing-input': 'error',
  'too-many-inputs': 'error',
  'unknown-port': 'error',
  'unknown-stage-type': 'error',
  'stage-version-too-new': 'error',
  'invalid-config': 'error',
  'unknown-column': 'error',
  'invalid-sql': 'error',
  'unchecked-sql': 'warning',
  'unsupported-on-target': 'error',
  'ignored-on-target': 'warning',
  'misread-on-target': 'error',
  'unconnected-output': 'warning',
  'no-destination': 'warning',
  'unknown-external-stage': 'error',
  'disabled-external-stage': 'error',
  'missing-table': 'error',
  'reserved-schema': 'error',
  'path-suffix-mismatch': 'warning',
  'incomparable-keys': 'warning',
  'column-types-differ': 'warning',
  'unknown-parameter': 'error',
  'misplaced-parameter': 'error',
  'no-unique-key': 'error',
  'overwrite-recreates': 'warning',
};

/**
 * Builds a diagnostic with its standard message and severity.
 * @example diagnostic('missing-input', { port: 'in' }, { stageId: 'filter-1' })
 */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  args: DiagnosticArgs[C],
  at: { stageId?: string; path?: FieldPath } = {},
): Diagnostic {
  return { code, severity: SEVERITY[code], message: MESSAGES[code](args), ...at };
}

/** True when any diagnostic blocks a run. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
