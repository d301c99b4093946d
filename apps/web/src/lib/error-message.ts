/** The person-readable message of any error a call can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong; try again.';
}
