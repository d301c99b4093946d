import type { Diagnostic, FieldPath } from '@sluice/flow';
import { diagnostic } from '@sluice/flow';

import type { Column, Columns } from './stage-ir';

/** Column names compare case-insensitively, as they do in the databases Sluice targets. */
export function sameColumnName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The column of `columns` with this name, ignoring case; `undefined` if none or not known. */
export function columnNamed(columns: Columns, name: string): Column | undefined {
  return columns?.find((c) => sameColumnName(c.name, name));
}

/**
 * The candidate a mistyped or renamed name most likely meant: the nearest by edit distance
 * (ignoring case, a swap of two neighbours counting as one edit), if it is within a third of the
 * name's length, so a short or unrelated name gets no suggestion; failing that, the shortest
 * candidate that holds the whole name (a column renamed upstream with a suffix or a prefix).
 * @example closestName('stauts', ['id', 'status']) // 'status'
 * @example closestName('amount', ['id', 'amount_eur']) // 'amount_eur'
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  return nearestByEdits(name, candidates) ?? holdingName(name, candidates);
}

/** Names shorter than this are too common a part of other names to suggest by containment. */
const CONTAINED_MIN_LENGTH = 3;

function holdingName(name: string, candidates: readonly string[]): string | undefined {
  const wanted = name.toLowerCase();
  if (wanted.length < CONTAINED_MIN_LENGTH) return undefined;
  return candidates
    .filter((candidate) => candidate.toLowerCase().includes(wanted))
    .sort((a, b) => a.length - b.length)[0];
}

function nearestByEdits(name: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(name.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

/** An `unknown-column` diagnostic for `column`, offering the closest of `available`. */
export function unknownColumn(
  column: string,
  available: readonly string[],
  at: { stageId?: string; path: FieldPath },
): Diagnostic {
  const suggestion = closestName(column, available);
  return diagnostic(
    'unknown-column',
    { column, available, ...(suggestion === undefined ? {} : { suggestion }) },
    at,
  );
}

/** A lone unquoted word: the one spelling that names a column the same way on every target. */
const BARE_WORD = /^\s*([\p{L}_][\p{L}\p{N}_$]*)\s*$/u;

/**
 * The column an expression is, when it is nothing but an unquoted name (`"x"` is a string on the
 * MySQL family and a name on DuckDB, so quoted names are not read as one).
 * @example bareColumnName(' amount ') // 'amount'
 * @example bareColumnName('amount * 2') // undefined
 */
export function bareColumnName(sql: string): string | undefined {
  return BARE_WORD.exec(sql)?.[1];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Infinity;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1);
      }
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}
