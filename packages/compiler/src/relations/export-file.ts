import type { ExportFileNode } from '@sluice/stages';

import type { SinkRule } from './rule';
import { tempExportPath } from '../names';
import { ownSteps, sinkPort } from './rule';

/**
 * A file export. Where Sluice writes the file (not MatrixOne) it goes to a temporary name first,
 * moved into place just before the final commit.
 */
export const exportFileRule: SinkRule<ExportFileNode> = {
  kind: 'sink',
  expressions: () => [],
  files: (node) => [{ ref: node.file, mode: 'write' }],
  diagnose: (node, { dialect, ...ctx }) => dialect.exportLimits(node, ctx),
  steps: (node, ctx) => {
    const { dialect, stageId, runTag } = ctx;
    const local = dialect.databaseResolvesFiles ? undefined : ctx.resolveFile(node.file, 'write');
    const steps = dialect.exportFile({
      source: ctx.relationOf(sinkPort(node.input)),
      query: ctx.dialect.select(ctx.queryOf(sinkPort(node.input))),
      file: node.file,
      ...(local === undefined ? {} : { local, temp: tempExportPath(local, runTag, stageId) }),
      format: node.format,
    });
    return { steps: ownSteps(stageId, steps) };
  },
};
