import type { Parameter, ParameterType } from '@sluice/flow';
import { ParametersSchema } from '@sluice/flow';

/** A parameter as the settings form edits it: every field as typed, the default as text. */
export interface ParameterDraft {
  name: string;
  type: ParameterType;
  default: string;
  description: string;
}

/** Each field's message by `<index>.<field>`, as the flow document's schema reports it. */
export type DraftErrors = Record<string, string>;

export function draftOf(parameter: Parameter): ParameterDraft {
  return {
    name: parameter.name,
    type: parameter.type,
    default: String(parameter.default),
    description: parameter.description ?? '',
  };
}

/** The default in the JSON type its parameter type stores: numbers, booleans or text. */
function typedDefault(draft: ParameterDraft): Parameter['default'] {
  const text = draft.default.trim();
  if (draft.type === 'integer' && /^[+-]?\d+$/.test(text)) return Number(text);
  if (draft.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return draft.type === 'string' ? draft.default : text;
}

/**
 * The parameters the drafts stand for, or each field's problem. The document's own schema
 * judges them, so the form refuses exactly what a save would.
 */
export function readDrafts(
  drafts: readonly ParameterDraft[],
): { ok: true; parameters: Parameter[] } | { ok: false; errors: DraftErrors } {
  const candidate = drafts.map((draft) => ({
    name: draft.name.trim(),
    type: draft.type,
    default: typedDefault(draft),
    ...(draft.description.trim() === '' ? {} : { description: draft.description.trim() }),
  }));
  const parsed = ParametersSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, parameters: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.slice(0, 2).join('.');
    errors[key] ??= issue.message;
  }
  return { ok: false, errors };
}
