import { TRPCClientError } from '@trpc/client';
import { z } from 'zod';

import type { FieldErrors, FormField } from './external-stage-form';
import { errorMessage } from '../lib/error-message';
import { SECRET_KEYS, SETTING_KEYS } from './external-stage-kinds';

/** The `zodError` the server's error formatter adds: `z.flattenError` of the input's issues. */
const ErrorDataSchema = z.object({
  zodError: z
    .object({
      formErrors: z.array(z.string()),
      fieldErrors: z.record(z.string(), z.array(z.string()).optional()),
    })
    .nullable()
    .catch(null),
});

const INPUT_FIELDS: Record<string, FormField> = { name: 'name', url: 'url', comment: 'comment' };
const CREDENTIAL_KEYS = [...SECRET_KEYS, ...SETTING_KEYS];

/** How a refusal shows: messages at the fields they are about, the rest above the buttons. */
export interface ServerRefusal {
  fields: FieldErrors;
  message: string | undefined;
}

/**
 * Places the server's refusal at the fields it is about: input issues by their path, and a
 * message naming exactly one credential key (the server's checks after merging stored ones) at
 * that key's field. What fits no field stays a message.
 */
export function serverRefusal(error: unknown): ServerRefusal {
  const message = errorMessage(error);
  const data = error instanceof TRPCClientError ? ErrorDataSchema.safeParse(error.data) : undefined;
  const zodError = data?.success ? data.data.zodError : null;
  if (zodError) {
    const fields: FieldErrors = {};
    const rest = [...zodError.formErrors];
    for (const [key, messages] of Object.entries(zodError.fieldErrors)) {
      const field = INPUT_FIELDS[key];
      const text = messages?.join(' ');
      if (text === undefined) continue;
      if (field) fields[field] = text;
      else rest.push(`${key}: ${text}`);
    }
    return { fields, message: rest.length > 0 ? rest.join('\n') : undefined };
  }
  const named = CREDENTIAL_KEYS.filter((key) => new RegExp(`\\b${key}\\b`).test(message));
  const only = named.length === 1 ? named[0] : undefined;
  return { fields: only ? { [only]: message } : {}, message: only ? undefined : message };
}
