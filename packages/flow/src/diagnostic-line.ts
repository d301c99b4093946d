import type { Diagnostic } from './diagnostics';
import type { FlowDocument } from './flow-schema';

/**
 * A diagnostic as one line of text, naming its stage by label and id and its config field, for
 * places without a canvas to badge (the command line, an import's problems):
 * `Paid orders (paid) condition: Unknown column "amout"; did you mean "amount"?`
 */
export function diagnosticLine(d: Diagnostic, document?: FlowDocument): string {
  const stage = document?.stages.find((s) => s.id === d.stageId);
  const where = [
    d.stageId === undefined
      ? 'flow'
      : stage === undefined
        ? d.stageId
        : `${stage.label} (${d.stageId})`,
    ...(d.path === undefined || d.path.length === 0 ? [] : [d.path.join('.')]),
  ].join(' ');
  return `${where}: ${d.message}`;
}
