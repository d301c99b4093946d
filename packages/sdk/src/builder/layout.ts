import type { Link, Stage } from '@sluice/flow';
import { topologicalOrder } from '@sluice/flow';

/** How far apart laid-out stages are: a canvas node is 240 px wide and about 64 px tall. */
const STEP = { x: 320, y: 120 };

type Position = Stage['position'];

/** A stage as the builder holds it: its position is absent until code or a layout sets one. */
export type PlacedStage = Omit<Stage, 'position'> & { position: Position | undefined };

/**
 * Positions for the stages that have none, left to right by graph depth (the longest chain of
 * links that leads to a stage) and top to bottom in flow order within one depth, so each link
 * runs forward on the canvas. Stages that have a position keep it.
 */
export function layOut(
  stages: readonly PlacedStage[],
  links: readonly Link[],
): Map<string, Position> {
  const ids = stages.map((s) => s.id);
  const origin = { x: 0, y: 0 };
  const graph = stages.map((s) => ({ ...s, position: s.position ?? origin }));
  const sorted = topologicalOrder({ stages: graph, links: [...links] });
  const depth = new Map<string, number>();
  for (const id of sorted.ok ? sorted.order : ids) {
    const before = links.filter((l) => l.target.stageId === id).map((l) => l.source.stageId);
    depth.set(id, Math.max(-1, ...before.map((from) => depth.get(from) ?? -1)) + 1);
  }
  const rows = new Map<number, number>();
  const positions = new Map<string, Position>();
  for (const stage of stages) {
    if (stage.position) {
      positions.set(stage.id, stage.position);
      continue;
    }
    const column = depth.get(stage.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(stage.id, { x: column * STEP.x, y: row * STEP.y });
  }
  return positions;
}
