import { z } from 'zod';

/**
 * Flow parameters: typed values a flow declares with defaults, chosen per run and referenced as
 * `${name}` in paths, conditions, expressions, SQL text and table names. This module holds their
 * shape and how a value is read; how a reference becomes SQL is the compiler's.
 */

export const PARAMETER_TYPES = ['string', 'integer', 'decimal', 'date', 'boolean'] as const;
export type ParameterType = (typeof PARAMETER_TYPES)[number];

/** A value as a client sends it: the CLI sends text, the SDK and the editor typed values. */
export type ParameterInput = string | number | boolean;

/** A value read for its type: integers as numbers, decimals and dates as their exact text. */
export type ParameterValue = string | number | boolean;

/** How many parameters a flow declares at most. */
export const PARAMETER_LIMIT = 100;

/** A parameter name: an identifier, so `${name}` reads unambiguously in any text. */
export const ParameterNameSchema = z
  .string()
  .min(1, 'A parameter needs a name')
  .max(64, 'A parameter name is at most 64 characters')
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    'Start with a letter or "_", then use letters, digits and "_" only',
  );

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** What a value of each type looks like, for messages. */
const EXPECTED: Record<ParameterType, string> = {
  string: 'a text',
  integer: 'a whole number such as 42',
  decimal: 'a number such as 12.50',
  date: 'a date written YYYY-MM-DD',
  boolean: 'true or false',
};

/**
 * Reads `input` as a value of `type`, or says why it is not one. Text is accepted for every type
 * so that values typed on a command line read as they would in the editor.
 * @example readParameterValue('integer', '42') // { ok: true, value: 42 }
 * @example readParameterValue('date', '2026-02-30') // { ok: false, message: 'Expected a date …' }
 */
export function readParameterValue(
  type: ParameterType,
  input: unknown,
): { ok: true; value: ParameterValue } | { ok: false; message: string } {
  const fail = { ok: false as const, message: `Expected ${EXPECTED[type]}` };
  const text = typeof input === 'string' ? input.trim() : undefined;
  switch (type) {
    case 'string':
      if (typeof input !== 'string') return fail;
      return input.includes('\0')
        ? { ok: false, message: 'Must not contain a NUL character' }
        : { ok: true, value: input };
    case 'integer': {
      const value = text !== undefined && INTEGER.test(text) ? Number(text) : input;
      return typeof value === 'number' && Number.isSafeInteger(value)
        ? { ok: true, value }
        : { ok: false, message: `${fail.message} (at most ${Number.MAX_SAFE_INTEGER} in size)` };
    }
    case 'decimal':
      if (typeof input === 'number' && Number.isFinite(input)) {
        return { ok: true, value: String(input) };
      }
      return text !== undefined && DECIMAL.test(text) ? { ok: true, value: text } : fail;
    case 'date':
      return text !== undefined && isCalendarDate(text) ? { ok: true, value: text } : fail;
    case 'boolean':
      if (typeof input === 'boolean') return { ok: true, value: input };
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return fail;
  }
}

/** One declared parameter: its name, type, default and what it is for. */
export const ParameterSchema = z
  .object({
    name: ParameterNameSchema,
    type: z.enum(PARAMETER_TYPES),
    default: z.union([z.string().max(1000), z.number(), z.boolean()]),
    description: z.string().max(500, 'A description holds at most 500 characters').optional(),
  })
  .superRefine((parameter, ctx) => {
    const read = readParameterValue(parameter.type, parameter.default);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: read.message });
    }
  });
export type Parameter = z.infer<typeof ParameterSchema>;

/** The declared parameters of a flow, each name once. */
export const ParametersSchema = z
  .array(ParameterSchema)
  .max(PARAMETER_LIMIT, `A flow declares at most ${PARAMETER_LIMIT} parameters`)
  .superRefine((parameters, ctx) => {
    const seen = new Set<string>();
    parameters.forEach((parameter, i) => {
      if (seen.has(parameter.name)) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `"${parameter.name}" is declared twice`,
        });
      }
      seen.add(parameter.name);
    });
  });

/** Why the values given for a run do not fit the declared parameters: one entry per name. */
export interface ParameterValueProblem {
  name: string;
  message: string;
}

/**
 * The value of every declared parameter for one run: the given one read for its type, or the
 * default. Unknown names and values of the wrong type are problems, each naming its parameter;
 * `values` then holds the parameters that could be read.
 */
export function resolveParameterValues(
  declared: readonly Parameter[],
  given: Readonly<Record<string, ParameterInput>> = {},
): { values: Record<string, ParameterValue>; problems: ParameterValueProblem[] } {
  const problems: ParameterValueProblem[] = [];
  const values: Record<string, ParameterValue> = {};
  const names = new Set(declared.map((p) => p.name));
  for (const name of Object.keys(given)) {
    if (!names.has(name)) {
      const known = [...names].join(', ') || 'none';
      problems.push({
        name,
        message: `The flow has no parameter "${name}" (it declares: ${known})`,
      });
    }
  }
  for (const parameter of declared) {
    const input = Object.hasOwn(given, parameter.name) ? given[parameter.name] : parameter.default;
    const read = readParameterValue(parameter.type, input);
    if (read.ok) values[parameter.name] = read.value;
    else {
      problems.push({
        name: parameter.name,
        message: `Parameter "${parameter.name}" (${parameter.type}): ${read.message}, not ${JSON.stringify(input)}`,
      });
    }
  }
  return { values, problems };
}

/** A `${name}` reference in text; the name is read loosely so a bad one can be reported. */
export const PARAMETER_REFERENCE = /\$\{([^}]*)\}/g;

/** The names `text` references, in order, each once. */
export function referencedParameters(text: string): string[] {
  return [...new Set([...text.matchAll(PARAMETER_REFERENCE)].map((m) => (m[1] ?? '').trim()))];
}

/** Values a client gives for a run's parameters, by name: text, numbers or booleans. */
export const ParameterInputsSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(1000), z.number(), z.boolean()]),
);
