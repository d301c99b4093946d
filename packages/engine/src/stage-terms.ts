/** A path on the server (a file, or a folder ending in `/`) and the stage:// form people see. */
export interface StagePlace {
  local: string;
  uri: string;
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const inQuotes = (text: string) => text.replaceAll("'", "''");

/**
 * `text` (a message, a statement) with each server path of `places` written as its stage://
 * form, so nothing shown to a person carries the server's folders. At each point the longest
 * path wins: a sub-stage's folder inside its parent's, or a temporary file named after its
 * export, is named by its own form.
 */
export function inStageTerms(text: string, places: readonly StagePlace[]): string {
  const known = places.filter((place) => place.local !== '');
  if (known.length === 0) return text;
  // A path inside an SQL string has its quotes doubled, and so does its stage:// form there.
  const quoted = known.map(({ local, uri }) => ({ local: inQuotes(local), uri: inQuotes(uri) }));
  const uris = new Map([...quoted, ...known].map((place) => [place.local, place.uri]));
  const longestFirst = [...uris.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(longestFirst.map(escaped).join('|'), 'g');
  return text.replace(pattern, (local) => uris.get(local) ?? local);
}
