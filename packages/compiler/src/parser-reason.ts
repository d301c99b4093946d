/** Letters, digits, `_` and `$`: what a word (name or keyword) is made of on every target. */
const WORD = /^[\p{L}\p{N}_$]+/u;
const LAST_TOKEN = /(?:[\p{L}\p{N}_$]+|[^\s\p{L}\p{N}_$]+)$/u;

/**
 * Why the parser stopped, in terms of the text the person wrote: the parser read it inside a
 * wrapper starting `prefix` characters before it, so its positions are moved back by that much,
 * and a stop at or past the end of the text (the wrapper's `)`) means it ends too early.
 * @example parserReason(error, 'amount >', 23) // 'it ends too early, after ">"'
 * @example parserReason(error, 'a = = 1', 23) // '"=" at column 5 is unexpected'
 */
export function parserReason(error: unknown, sql: string, prefix: number): string {
  const at = errorOffset(error);
  if (at === undefined) return 'its form is not one Sluice knows';
  const offset = Math.max(0, at - prefix);
  const text = sql.trimEnd();
  if (offset >= text.length) {
    const last = LAST_TOKEN.exec(text)?.[0];
    return last === undefined ? 'it ends too early' : `it ends too early, after "${last}"`;
  }
  const rest = sql.slice(offset);
  const found = WORD.exec(rest)?.[0] ?? rest.charAt(0);
  return `"${found}" at ${position(sql, offset)} is unexpected`;
}

/** Where the parser (a Peggy parser) stopped, as a character offset, when it says. */
function errorOffset(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('location' in error)) return undefined;
  const { location } = error as { location?: { start?: { offset?: unknown } } };
  const offset = location?.start?.offset;
  return typeof offset === 'number' ? offset : undefined;
}

/** `column N`, or `line L, column N` in text of several lines; both count from 1. */
function position(sql: string, offset: number): string {
  const before = sql.slice(0, offset).split('\n');
  const column = (before.at(-1)?.length ?? 0) + 1;
  return before.length === 1 ? `column ${column}` : `line ${before.length}, column ${column}`;
}
