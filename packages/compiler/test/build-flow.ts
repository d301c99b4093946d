import type { FlowDocument, Stage } from '@sluice/flow';
import { getStage } from '@sluice/stages';

/** A stage of a registered type with its defaults, overridden by `config`. */
export function stage(id: string, type: string, config: Record<string, unknown> = {}): Stage {
  const defaults = getStage(type)?.defaults ?? {};
  return {
    id,
    type,
    typeVersion: 1,
    label: id,
    position: { x: 0, y: 0 },
    config: { ...defaults, ...config },
  };
}

/** A flow of these stages with links written as `from->to` (ports `out` and `in`). */
export function flow(stages: Stage[], links: string[]): FlowDocument {
  return {
    schemaVersion: 1,
    stages,
    links: links.map((text, i) => {
      const [from = '', to = ''] = text.split('->');
      return {
        id: `l${i + 1}`,
        source: { stageId: from, port: 'out' },
        target: { stageId: to, port: 'in' },
      };
    }),
  };
}
