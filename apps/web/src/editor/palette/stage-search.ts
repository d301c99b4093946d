import type { StageDefinition } from '@sluice/stages';

/**
 * The stage types whose label, type id or description contains every word of `query`
 * (case-insensitive), in palette order; all of them for an empty query.
 */
export function matchStages(
  definitions: readonly StageDefinition[],
  query: string,
): StageDefinition[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return definitions.filter((d) => {
    const text = `${d.ui.label} ${d.type} ${d.ui.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
