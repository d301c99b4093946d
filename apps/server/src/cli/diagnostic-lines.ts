import type { Diagnostic, FlowDocument } from '@sluice/flow';
import { diagnosticLine } from '@sluice/flow';

/** One line per diagnostic, its severity first: `error    Paid (paid) condition: …`. */
export function diagnosticLines(
  diagnostics: readonly Diagnostic[],
  document?: FlowDocument,
): string[] {
  return diagnostics.map((d) => `${d.severity.padEnd(8)} ${diagnosticLine(d, document)}`);
}
