import type {
  Diagnostic,
  FieldPath,
  FlowDocument,
  Parameter,
  ParameterInput,
  ParameterValue,
  Stage,
} from '@sluice/flow';
import type { FieldWidget } from '@sluice/stages';
import { diagnostic, PARAMETER_REFERENCE, resolveParameterValues } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { DialectName } from './plan';
import { getDialect } from './dialects';
import { quotedSpans } from './scan-sql';

/** Which dialect's literals stand for the parameters, and the values chosen for them. */
export interface ParameterBinding {
  dialect: DialectName;
  /** Values by name; a parameter not given takes its default. */
  values?: Readonly<Record<string, ParameterInput>>;
}

export interface BoundFlow {
  /** The document with every known reference replaced, ready to analyse. */
  document: FlowDocument;
  /** The value each declared parameter took (given, or its default). */
  values: Record<string, ParameterValue>;
  /** Whether user SQL took a parameter's literal, so the document is for this dialect only. */
  sqlLiterals: boolean;
  diagnostics: Diagnostic[];
}

/** How a `${name}` in a field becomes text: where it goes decides how it is written. */
type FieldKind = 'sql' | 'name' | 'path';

const KIND_OF_WIDGET: Partial<Record<FieldWidget, FieldKind>> = {
  'sql-expression': 'sql',
  'sql-query': 'sql',
  'target-query': 'sql',
  'table-picker': 'name',
  'file-path': 'path',
};

/** What a value inside a table name may hold, so that the name reads as the person meant. */
const NAME_PART = /^[\p{L}\p{N}_-]+$/u;

interface FieldContext {
  stageId: string;
  path: FieldPath;
  declared: ReadonlyMap<string, Parameter>;
  values: Readonly<Record<string, ParameterValue>>;
  literal: (parameter: Parameter, value: ParameterValue) => string;
  diagnostics: Diagnostic[];
}

/**
 * Replaces each `${name}` in one field's text. In user SQL a reference becomes the dialect's
 * literal of the typed value; inside quotes it is text, and refused when it names a parameter; in a table name it becomes part of
 * the name the dialect then quotes, and must be letters, digits, "_" or "-"; in a path it becomes
 * path text, which the file stage's own checks then judge like any path.
 */
function bindText(text: string, kind: FieldKind, ctx: FieldContext): string {
  const spans = kind === 'sql' ? quotedSpans(text) : [];
  const at = { stageId: ctx.stageId, path: ctx.path };
  return text.replaceAll(PARAMETER_REFERENCE, (match: string, raw: string, offset: number) => {
    const name = raw.trim();
    const parameter = ctx.declared.get(name);
    const value = ctx.values[name];
    if (spans.some(([start, end]) => offset >= start && offset < end)) {
      // Inside quotes `${x}` is text as written, unless it names a parameter by mistake.
      if (parameter) {
        const why = `write it outside quotes; it becomes a quoted ${parameter.type} value of its own.`;
        ctx.diagnostics.push(diagnostic('misplaced-parameter', { name, why }, at));
      }
      return match;
    }
    if (!parameter) {
      ctx.diagnostics.push(diagnostic('unknown-parameter', { name }, at));
      return kind === 'sql' ? 'NULL' : '';
    }
    // A value that does not read as its type is reported once, for the flow, not per field.
    if (value === undefined) return kind === 'sql' ? 'NULL' : '';
    if (kind === 'sql') return ctx.literal(parameter, value);
    const part = String(value);
    if (kind === 'name' && !NAME_PART.test(part)) {
      const why = `its value "${part}" would be part of a table name, which takes letters, digits, "_" and "-" from a parameter.`;
      ctx.diagnostics.push(diagnostic('misplaced-parameter', { name, why }, at));
      return '';
    }
    return part;
  });
}

/**
 * The stage with every parameterisable field of its type bound; the stage itself when none
 * changes, as most name no parameter (each of a thousand stages would be copied otherwise).
 */
function bindStage(stage: Stage, ctx: Omit<FieldContext, 'stageId' | 'path'>): Stage {
  const definition = getStage(stage.type);
  if (!definition) return stage;
  // Text naming no parameter is left as it is, with no context made for it.
  const bind = (text: string, kind: FieldKind, path: FieldPath) =>
    text.includes('${') ? bindText(text, kind, { ...ctx, stageId: stage.id, path }) : text;
  const bound: Record<string, unknown> = {};
  const fields = Object.entries(definition.ui.fields) as [string, { widget: FieldWidget }][];
  for (const [key, hint] of fields) {
    const value = stage.config[key];
    const kind = KIND_OF_WIDGET[hint.widget];
    if (kind && typeof value === 'string') {
      const text = bind(value, kind, [key]);
      if (text !== value) bound[key] = text;
    }
    if (hint.widget === 'derived-columns' && Array.isArray(value)) {
      const rows = value.map((row: unknown, i) => {
        if (typeof row !== 'object' || row === null) return row;
        const { expression } = row as { expression?: unknown };
        if (typeof expression !== 'string') return row;
        const text = bind(expression, 'sql', [key, i, 'expression']);
        return text === expression ? row : { ...row, expression: text };
      });
      if (rows.some((row, i) => row !== value[i])) bound[key] = rows;
    }
  }
  if (Object.keys(bound).length === 0) return stage;
  return { ...stage, config: { ...stage.config, ...bound } };
}

/**
 * Binds a flow's parameters for one dialect: each `${name}` in user SQL, table names and file
 * paths is replaced (see `bindText`), so the analysis checks and compiles what will run.
 * Values that do not fit their declared type, unknown names and misplaced references are
 * diagnostics; the run API refuses such values before it gets here.
 * @example bindParameters(doc, { dialect: 'duckdb', values: { run_date: '2026-01-31' } }).document
 */
export function bindParameters(doc: FlowDocument, binding: ParameterBinding): BoundFlow {
  const declaredList = doc.parameters ?? [];
  const diagnostics: Diagnostic[] = [];
  const { values, problems } = resolveParameterValues(declaredList, binding.values);
  for (const problem of problems) {
    diagnostics.push(diagnostic('invalid-config', { message: problem.message }));
  }
  const dialect = getDialect(binding.dialect);
  let sqlLiterals = false;
  const ctx = {
    declared: new Map(declaredList.map((p) => [p.name, p])),
    values,
    literal: (parameter: Parameter, value: ParameterValue) => {
      sqlLiterals = true;
      return dialect.parameterLiteral(parameter.type, value);
    },
    diagnostics,
  };
  const stages = doc.stages.map((stage) => bindStage(stage, ctx));
  return { document: { ...doc, stages }, values, sqlLiterals, diagnostics };
}

/**
 * Refuses to compile for `dialect` a flow whose user SQL holds parameter literals written for
 * another one: MySQL reads a backslash in a DuckDB literal as an escape.
 */
export function assertBoundFor(
  parameters: { dialect: DialectName; sqlLiterals: boolean },
  dialect: DialectName,
): void {
  if (parameters.sqlLiterals && parameters.dialect !== dialect) {
    throw new Error(
      `The flow's parameters were bound for ${parameters.dialect}; analyse it with parameters for ${dialect} to compile for ${dialect}.`,
    );
  }
}
