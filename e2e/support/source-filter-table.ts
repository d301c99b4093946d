import type { CanvasPage } from '../pages/canvas-page';

/**
 * Draws a file source linked through a filter into a table destination, each configured, and
 * returns their stage ids: the flow the versions and parameters journeys start from.
 */
export async function drawSourceFilterTable(
  canvas: CanvasPage,
  config: { path: string; condition: string; table: string },
): Promise<{ source: string; filter: string; table: string }> {
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const table = await canvas.dragStage('table-destination', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, table);
  await canvas.configure(source, { path: config.path });
  await canvas.configure(filter, { condition: config.condition });
  await canvas.configure(table, { table: config.table });
  return { source, filter, table };
}
