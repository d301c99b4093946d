import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';

import { serverRefusal } from './server-field-errors';

/** A refusal as the client receives it from the server's error formatter. */
function refusal(message: string, zodError: unknown = null) {
  return TRPCClientError.from({
    error: { code: -32600, message, data: { code: 'BAD_REQUEST', httpStatus: 400, zodError } },
  });
}

describe('serverRefusal', () => {
  it('puts input issues at their fields and keeps the rest as a message', () => {
    const error = refusal('[…]', {
      formErrors: [],
      fieldErrors: { url: ['Enter a URL.'], credentials: ['Unrecognized key: "AWS_ROLE"'] },
    });
    expect(serverRefusal(error)).toEqual({
      fields: { url: 'Enter a URL.' },
      message: 'credentials: Unrecognized key: "AWS_ROLE"',
    });
  });

  it('puts a refusal naming one credential key at that key', () => {
    const error = refusal('An s3:// external stage needs ENDPOINT too.');
    expect(serverRefusal(error)).toEqual({
      fields: { ENDPOINT: 'An s3:// external stage needs ENDPOINT too.' },
      message: undefined,
    });
  });

  it('keeps a refusal about several keys or none as one message', () => {
    const several = 'An s3:// external stage needs AWS_REGION, ENDPOINT too.';
    expect(serverRefusal(refusal(several))).toEqual({ fields: {}, message: several });
    const folder = '"file:///etc/" is outside SLUICE_FILE_ROOTS.';
    expect(serverRefusal(refusal(folder))).toEqual({ fields: {}, message: folder });
  });
});
