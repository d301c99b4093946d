import { z } from 'zod';

/** The server's rule for external stage names, checked before sending so the error sits on the field. */
export const ExternalStageNameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name.')
  .max(64, 'Use at most 64 characters.')
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, "-" and "_" only.');
