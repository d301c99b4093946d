import { expect, test } from '../support/fixtures';

test('shift-click and ctrl-click add to the selection; Ctrl+A selects all', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Selections');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const file = await canvas.dragStage('file-export', { x: 750, y: 200 });
  const lone = await canvas.dragStage('filter', { x: 450, y: 420 });

  await canvas.node(source).click();
  await canvas.addToSelection([filter], 'Shift');
  await canvas.addToSelection([file], 'Control');
  await expect.poll(() => canvas.selectedStageIds()).toEqual([source, filter, file]);

  await canvas.clickPane({ x: 40, y: 500 });
  await page.keyboard.press('Control+a');
  await expect.poll(() => canvas.selectedStageIds()).toEqual([source, filter, file, lone]);
});

test('a stage selected with what runs before or after it, and deleted in one undo step', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Upstream');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const file = await canvas.dragStage('file-export', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, file);
  await expect.poll(() => canvas.edgeCount()).toBe(2);

  await canvas.node(filter).click();
  await page.keyboard.press('Shift+U');
  await expect.poll(() => canvas.selectedStageIds()).toEqual([source, filter]);
  await canvas.clickPane({ x: 40, y: 500 });
  await canvas.node(filter).click();
  await page.keyboard.press('Shift+D');
  await expect.poll(() => canvas.selectedStageIds()).toEqual([filter, file]);

  await page.keyboard.press('Delete');
  await expect.poll(() => canvas.stageIds()).toEqual([source]);
  await canvas.undo();
  await expect.poll(() => canvas.stageIds()).toEqual([source, filter, file]);
  expect(await canvas.edgeCount()).toBe(2);
});
