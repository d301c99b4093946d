import { TRPCError } from '@trpc/server';
import { expect } from 'vitest';

/** The TRPCError a call fails with; the test fails when it succeeds or fails otherwise. */
export async function trpcFailure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}
