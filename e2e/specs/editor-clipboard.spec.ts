import { CanvasPage } from '../pages/canvas-page';
import { FlowListPage } from '../pages/flow-list-page';
import { expect, test } from '../support/fixtures';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('three linked stages copied in one flow are pasted into another, and undone', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  await flows.goto();
  await flows.create('Copied from');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  const file = await canvas.dragStage('file-export', { x: 750, y: 200 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, file);
  await expect.poll(() => canvas.edgeCount()).toBe(2);
  await canvas.configure(filter, { condition: "status = 'paid'" });
  await canvas.save();
  await canvas.node(source).click();
  await canvas.addToSelection([filter, file]);
  await page.keyboard.press('Control+c');
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toContain('sluice/stages');

  const other = await page.context().newPage();
  const otherFlows = new FlowListPage(other, sluice.url);
  const otherCanvas = new CanvasPage(other);
  await otherFlows.goto();
  await otherFlows.create('Pasted into');
  const lone = await otherCanvas.dragStage('filter', { x: 200, y: 400 });
  await otherCanvas.pointAt({ x: 300, y: 120 });
  await other.keyboard.press('Control+v');

  await expect.poll(async () => (await otherCanvas.stageIds()).length).toBe(4);
  expect(await otherCanvas.edgeCount()).toBe(2);
  const pasted = await otherCanvas.selectedStageIds();
  expect(pasted).toHaveLength(3);
  expect(pasted).not.toContain(lone);
  const pastedFilter = pasted.find((id) => id.startsWith('filter'));
  const pastedSource = pasted.find((id) => id.startsWith('file-source'));
  // A new flow opens unzoomed at the origin, so canvas pixels are flow coordinates.
  expect(await otherCanvas.position(pastedSource ?? '')).toEqual({ x: 300, y: 120 });
  await expect(otherCanvas.node(pastedFilter ?? '')).toContainText('Filter 2');
  await otherCanvas.clickPane({ x: 40, y: 500 });
  await otherCanvas.select(pastedFilter ?? '');
  await expect(other.getByTestId('field-condition').locator('.cm-content')).toHaveText(
    "status = 'paid'",
  );

  await otherCanvas.undo();
  await expect.poll(() => otherCanvas.stageIds()).toEqual([lone]);
  expect(await otherCanvas.edgeCount()).toBe(0);
});

test('duplicate and cut act on the selection in one undo step each', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Duplicates');
  const first = await canvas.dragStage('filter', { x: 200, y: 200 });
  const second = await canvas.dragStage('filter', { x: 500, y: 200 });
  await canvas.connect(first, second);
  await canvas.node(first).click();
  await canvas.addToSelection([second]);
  await page.keyboard.press('Control+d');
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(4);
  expect(await canvas.edgeCount()).toBe(2);
  await page.keyboard.press('Control+z');
  await expect.poll(() => canvas.stageIds()).toEqual([first, second]);

  await canvas.node(first).click();
  await page.keyboard.press('Control+x');
  await expect.poll(() => canvas.stageIds()).toEqual([second]);
  await canvas.pointAt({ x: 600, y: 400 });
  await page.keyboard.press('Control+v');
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(2);
  await canvas.undo();
  await canvas.undo();
  await expect.poll(() => canvas.stageIds()).toEqual([first, second]);
  await page.keyboard.press('Control+s');
  await expect(canvas.dirtyIndicator()).toBeHidden();
});

test('pasting text that is not stages says so and changes nothing', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Plain text');
  await canvas.dragStage('filter', { x: 200, y: 200 });
  await page.evaluate(() => navigator.clipboard.writeText('{"kind": "sluice/stages", "stages": 3'));
  await canvas.pointAt({ x: 400, y: 300 });
  await page.keyboard.press('Control+v');
  await expect(page.getByText('The clipboard holds no stages copied from Sluice.')).toBeVisible();
  expect(await canvas.stageIds()).toHaveLength(1);
});
