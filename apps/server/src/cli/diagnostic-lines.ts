import type { Diagnostic, FlowDocument } from '@sluice/flow';

/**
 * One line per diagnostic, naming its stage by label and id and its config field:
 * `error    Paid orders (paid) condition: Unknown column "amout"; did you mean "amount"?`
 */
export function diagnosticLines(
  diagnostics: readonly Diagnostic[],
  document?: FlowDocument,
): string[] {
  return diagnostics.map((d) => {
    const stage = document?.stages.find((s) => s.id === d.stageId);
    const where = [
      d.stageId === undefined ? 'flow' : `${stage?.label ?? d.stageId} (${d.stageId})`,
      ...(d.path === undefined || d.path.length === 0 ? [] : [d.path.join('.')]),
    ].join(' ');
    return `${d.severity.padEnd(8)} ${where}: ${d.message}`;
  });
}
