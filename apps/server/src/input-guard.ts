/**
 * Checks every procedure's raw input before zod or any recursive code reads it (see `trpc.ts`),
 * so no procedure can forget: strings the metadata databases cannot store faithfully, nesting
 * deeper than their JSON functions read, and inputs larger than the HTTP body limit.
 */
import { InvalidRequestError } from './errors';

/** The HTTP body limit, and the same bound for in-process callers. */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;

/**
 * MariaDB's JSON functions stop at 32 levels (the flow list counts stages with one), and no flow
 * needs more; the bound also keeps recursive code (zod, JSON) far from the stack limit.
 */
export const MAX_INPUT_DEPTH = 32;

/** How many leading path segments a depth error quotes. */
const SHOWN_SEGMENTS = 7;

/**
 * A lone UTF-16 surrogate (unpaired, which `u` mode matches on its own) becomes invalid UTF-8
 * and JSON DuckDB refuses to read back; NUL ends strings in C drivers.
 */
function invalidCharacter(text: string): string | undefined {
  if (/\p{Cs}/u.test(text)) return 'a lone UTF-16 surrogate';
  if (text.includes('\0')) return 'NUL, U+0000';
  return undefined;
}

interface Node {
  value: unknown;
  depth: number;
  parent: Node | undefined;
  key: string | number | undefined;
}

function segmentsOf(node: Node): (string | number)[] {
  const segments: (string | number)[] = [];
  for (let at: Node | undefined = node; at?.key !== undefined; at = at.parent) {
    segments.unshift(at.key);
  }
  return segments;
}

/** `document.stages[2].label`, as a person reads a path. */
function pathText(segments: readonly (string | number)[]): string {
  return segments
    .map((segment, i) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = /^[A-Za-z_$][\w$]*$/.test(segment) ? segment : JSON.stringify(segment);
      return i === 0 ? name : `.${name}`;
    })
    .join('');
}

const refusal = (what: string, reason: string): InvalidRequestError =>
  new InvalidRequestError(`${what} holds an invalid character (${reason}); remove it.`);

/**
 * Walks `input` without recursion and throws an `InvalidRequestError` saying where it breaks a
 * rule above. Keys count toward the size and are checked like strings.
 */
export function checkInput(input: unknown): void {
  let bytes = 0;
  const pending: Node[] = [{ value: input, depth: 1, parent: undefined, key: undefined }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const { value } = node;
    if (typeof value === 'string') {
      bytes += Buffer.byteLength(value);
      const reason = invalidCharacter(value);
      if (reason) throw refusal(pathText(segmentsOf(node)) || 'The input', reason);
    } else if (typeof value === 'object' && value !== null) {
      if (node.depth > MAX_INPUT_DEPTH) {
        const segments = segmentsOf(node);
        const shown = pathText(segments.slice(0, SHOWN_SEGMENTS));
        throw new InvalidRequestError(
          `The input at ${shown}${segments.length > SHOWN_SEGMENTS ? '…' : ''} is nested deeper than ${MAX_INPUT_DEPTH} levels; the metadata database reads no deeper, so flatten it.`,
        );
      }
      const entries: [string | number, unknown][] = Array.isArray(value)
        ? value.map((item, i) => [i, item])
        : Object.entries(value);
      for (const [key, item] of entries.reverse()) {
        if (typeof key === 'string') {
          bytes += Buffer.byteLength(key);
          const reason = invalidCharacter(key);
          if (reason) {
            const where = pathText(segmentsOf(node));
            throw refusal(where ? `A key in ${where}` : 'A key of the input', reason);
          }
        }
        pending.push({ value: item, depth: node.depth + 1, parent: node, key });
      }
    } else bytes += 8;
    if (bytes > MAX_INPUT_BYTES) {
      throw new InvalidRequestError(
        `The input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB; a flow document needs far less, so remove what is not needed.`,
      );
    }
  }
}
