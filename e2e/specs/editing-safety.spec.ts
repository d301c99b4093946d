import { CanvasPage } from '../pages/canvas-page';
import { expect, test } from '../support/fixtures';

test('a link that would close a cycle is refused with the reason', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('No loops');
  const first = await canvas.dragStage('filter', { x: 200, y: 200 });
  const second = await canvas.dragStage('filter', { x: 550, y: 200 });
  await canvas.connect(first, second);
  await expect.poll(() => canvas.edgeCount()).toBe(1);

  await canvas.connect(second, first);
  await expect(
    page.getByText('This link would create a cycle; flows run in one direction.'),
  ).toBeVisible();
  expect(await canvas.edgeCount()).toBe(1);
});

test('a stale save is refused and the edit can be kept as a copy', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  await flows.goto();
  await flows.create('Shared flow');
  const filter = await canvas.dragStage('filter', { x: 300, y: 200 });
  await canvas.save();
  const editorUrl = page.url();

  const other = await page.context().newPage();
  await other.goto(editorUrl);
  const otherCanvas = new CanvasPage(other);
  await otherCanvas.select(filter);
  await otherCanvas.fill('condition', "status = 'refunded'");
  await otherCanvas.save();

  await canvas.select(filter);
  await canvas.fill('condition', "status = 'paid'");
  await page.getByTestId('save-button').click();
  const conflict = page.getByTestId('conflict-modal');
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('saved elsewhere');
  await conflict.getByTestId('conflict-save-copy').click();
  await expect(page.getByTestId('dirty-indicator')).toBeHidden();
  await expect(page.getByTestId('flow-title')).not.toHaveText('Shared flow');

  await other.goto(sluice.url);
  await expect(other.getByTestId('flow-row')).toHaveCount(2);
  await other.goto(editorUrl);
  await otherCanvas.select(filter);
  await expect(other.getByTestId('field-condition').locator('.cm-content')).toHaveText(
    "status = 'refunded'",
  );
});
