import type { CanvasPage } from '../pages/canvas-page';
import type { FlowListPage } from '../pages/flow-list-page';
import { expect, test } from '../support/fixtures';
import { orderColumns } from '../support/paid-orders';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** A new flow with source → filter → export, linked left to right. */
async function chain(flows: FlowListPage, canvas: CanvasPage) {
  await flows.goto();
  await flows.create('Menus');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const sink = await canvas.dragStage('file-export', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, sink);
  await expect.poll(() => canvas.edgeCount()).toBe(2);
  return { source, filter, sink };
}

test('a stage menu shows each shortcut and runs the same action, one undo step each', async ({
  page,
  flows,
  canvas,
}) => {
  const { source, filter, sink } = await chain(flows, canvas);
  const menu = await canvas.openMenuOn(filter);
  await expect(menu).toHaveAttribute('data-testid', 'context-menu-stage');
  await expect(canvas.menuEntry('copy')).toContainText('Ctrl+C');
  await expect(canvas.menuEntry('select-upstream')).toContainText('Shift+U');
  expect(await canvas.selectedStageIds()).toEqual([filter]);
  await canvas.menuEntry('select-upstream').click();
  await expect(menu).toBeHidden();
  expect((await canvas.selectedStageIds()).sort()).toEqual([filter, source].sort());

  // Opened on a stage in the selection, the menu acts on all of it.
  await canvas.openMenuOn(source);
  await canvas.menuEntry('duplicate').click();
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(5);
  expect(await canvas.edgeCount()).toBe(3);
  await canvas.undo();
  await expect.poll(() => canvas.stageIds()).toEqual([source, filter, sink]);

  // Outside the selection, it selects the stage alone; the keyboard moves through it.
  await canvas.openMenuOn(sink);
  expect(await canvas.selectedStageIds()).toEqual([sink]);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(canvas.menuEntry('cut')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(canvas.contextMenu()).toBeHidden();
  expect(await canvas.stageIds()).toEqual([source, filter, sink]);

  await canvas.openMenuOn(filter);
  await canvas.menuEntry('help').click();
  const help = page.getByTestId('stage-help-dialog');
  await expect(help).toContainText('Condition');
  await canvas.closeDialog();

  await canvas.openMenuOn(filter);
  await canvas.menuEntry('delete').click();
  await expect.poll(() => canvas.stageIds()).toEqual([source, sink]);
  expect(await canvas.edgeCount()).toBe(0);
  await canvas.undo();
  await expect.poll(() => canvas.stageIds()).toEqual([source, filter, sink]);
  expect(await canvas.edgeCount()).toBe(2);
});

test('a link menu shows its columns, inserts a stage and deletes it, one undo step each', async ({
  page,
  flows,
  canvas,
}) => {
  const { source, filter } = await chain(flows, canvas);
  await canvas.openLinkMenu(source, filter);
  await expect(canvas.contextMenu()).toHaveAttribute('data-testid', 'context-menu-link');
  await expect(canvas.menuEntry('delete')).toContainText('Delete');
  await canvas.menuEntry('show-columns').click();
  const dialog = page.getByTestId('link-columns-dialog');
  await expect(dialog).toContainText('Columns from File source to Filter');
  await expect(dialog.getByTestId('link-column')).toHaveText(orderColumns);
  await canvas.closeDialog();

  await canvas.openLinkMenu(source, filter);
  await canvas.menuEntry('delete').click();
  await expect.poll(() => canvas.edgeCount()).toBe(1);
  expect(await canvas.stageIds()).toHaveLength(3);
  await canvas.undo();
  await expect.poll(() => canvas.edgeCount()).toBe(2);

  await canvas.openLinkMenu(source, filter);
  await canvas.menuEntry('insert-stage').click();
  const insert = page.getByTestId('insert-stage-dialog');
  await insert.getByRole('textbox').fill('sort');
  await expect(insert.getByTestId('insert-file-source')).toHaveCount(0);
  await insert.getByRole('textbox').press('Enter');
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(4);
  await expect(canvas.link(source, 'sort-1')).toHaveCount(1);
  await expect(canvas.link('sort-1', filter)).toHaveCount(1);
  await canvas.undo();
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(3);
  expect(await canvas.edgeCount()).toBe(2);
});

test('the canvas menu pastes where it was opened, adds a note, selects all and lays out', async ({
  page,
  flows,
  canvas,
}) => {
  const { source, filter, sink } = await chain(flows, canvas);
  await canvas.node(filter).click();
  await page.keyboard.press('Control+c');
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('sluice/stages');

  const menu = await canvas.openPaneMenu({ x: 400, y: 450 });
  await expect(menu).toHaveAttribute('data-testid', 'context-menu-pane');
  await expect(canvas.menuEntry('add-note')).toContainText('N');
  await canvas.menuEntry('paste').click();
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(4);
  const [pasted] = await canvas.selectedStageIds();
  // A new flow opens unzoomed at the origin, so canvas pixels are flow coordinates.
  expect(await canvas.position(pasted ?? '')).toEqual({ x: 400, y: 450 });

  await canvas.openPaneMenu({ x: 80, y: 380 });
  await canvas.menuEntry('add-note').click();
  await expect.poll(() => canvas.noteIds()).toEqual(['note-1']);
  expect(await canvas.position('note-1')).toEqual({ x: 80, y: 380 });
  await canvas.writeNote('note-1', 'Pasted for **review**');

  await canvas.openPaneMenu({ x: 700, y: 80 });
  await canvas.menuEntry('select-all').click();
  expect((await canvas.selectedStageIds()).sort()).toEqual(
    [source, filter, sink, pasted ?? ''].sort(),
  );
  expect(await canvas.noteIds('selected')).toEqual(['note-1']);

  await canvas.openPaneMenu({ x: 700, y: 80 });
  await canvas.menuEntry('auto-layout').click();
  await expect.poll(async () => (await canvas.position(pasted ?? '')).y !== 450).toBe(true);
  await canvas.undo();
  await expect.poll(async () => canvas.position(pasted ?? '')).toEqual({ x: 400, y: 450 });

  // A click elsewhere closes a menu without running anything.
  await canvas.openPaneMenu({ x: 700, y: 80 });
  await canvas.clickPane({ x: 40, y: 60 });
  await expect(canvas.contextMenu()).toBeHidden();
  expect(await canvas.stageIds()).toHaveLength(4);
});
