/**
 * The external stage API's input schemas: names as stage configs take them, URLs, and the
 * credentials MatrixOne knows (sql-reference.md §1.3), each value free of what breaks them there.
 */
import { z } from 'zod';

import { S3_PROVIDERS, STAGE_COMPRESSIONS } from '@sluice/compiler';
import { ExternalStageNameSchema } from '@sluice/stages';

// MatrixOne stores credentials as one `k=v,k=v` text and splits it on ',' (sql-reference.md §0).
const CredentialValue = z
  .string()
  .min(1, 'Enter a value.')
  .max(1000)
  .refine((value) => !value.includes(','), 'Credential values cannot contain ",".')
  .refine((value) => !value.includes('\0'), 'Credential values cannot contain a NUL character.');

export const CredentialsInput = z.strictObject({
  AWS_KEY_ID: CredentialValue.optional(),
  AWS_SECRET_KEY: CredentialValue.optional(),
  AWS_REGION: CredentialValue.optional(),
  ENDPOINT: CredentialValue.optional(),
  PROVIDER: z.enum(S3_PROVIDERS).optional(),
  COMPRESSION: z.enum(STAGE_COMPRESSIONS).optional(),
});
export type CredentialsInput = z.infer<typeof CredentialsInput>;

const UrlSchema = z
  .string()
  .trim()
  .min(1, 'Enter a URL.')
  .max(2000)
  .refine((url) => !url.includes('\0'), 'The URL cannot contain a NUL character.');
const CommentSchema = z.string().max(1000);

export const CreateExternalStageInput = z.object({
  name: ExternalStageNameSchema,
  url: UrlSchema,
  comment: CommentSchema.optional(),
  credentials: CredentialsInput.optional(),
});
export type CreateExternalStageInput = z.infer<typeof CreateExternalStageInput>;

/** Given credential keys replace the stored ones; omitted keys are kept. */
export const UpdateExternalStageInput = z.object({
  name: ExternalStageNameSchema,
  url: UrlSchema.optional(),
  comment: CommentSchema.optional(),
  credentials: CredentialsInput.optional(),
});
export type UpdateExternalStageInput = z.infer<typeof UpdateExternalStageInput>;

/** A stage the MatrixOne server has, recorded in Sluice with the credentials a person knows. */
export const AdoptExternalStageInput = z.object({
  name: ExternalStageNameSchema,
  credentials: CredentialsInput.optional(),
});
export type AdoptExternalStageInput = z.infer<typeof AdoptExternalStageInput>;
