import { expect, test } from '../support/fixtures';

test('auto-layout puts a tangled flow in order left to right, and undoes in one step', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Tangled');
  // Each stage is drawn left of the one feeding it, so every link loops back.
  const source = await canvas.dragStage('file-source', { x: 700, y: 80 });
  const filter = await canvas.dragStage('filter', { x: 400, y: 260 });
  const select = await canvas.dragStage('select-columns', { x: 150, y: 440 });
  const file = await canvas.dragStage('file-export', { x: 600, y: 440 });
  await canvas.connect(source, filter);
  await canvas.connect(filter, select);
  await canvas.connect(select, file);
  await expect.poll(() => canvas.edgeCount()).toBe(3);
  const chain = [source, filter, select, file];
  const before = await Promise.all(chain.map((id) => canvas.position(id)));

  await page.getByTestId('auto-layout-button').click();
  await expect
    .poll(async () => {
      const xs = await Promise.all(chain.map(async (id) => (await canvas.position(id)).x));
      return xs.every((x, i) => i === 0 || x > (xs[i - 1] ?? Infinity));
    })
    .toBe(true);

  await canvas.undo();
  await expect.poll(() => Promise.all(chain.map((id) => canvas.position(id)))).toEqual(before);

  await canvas.clickPane({ x: 40, y: 560 });
  await page.keyboard.press('Shift+L');
  await expect
    .poll(async () => (await canvas.position(file)).x > (await canvas.position(select)).x)
    .toBe(true);
});

test('a stage dropped on a link is inserted into it, and undone in one step', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Insert');
  const source = await canvas.dragStage('file-source', { x: 150, y: 200 });
  const file = await canvas.dragStage('file-export', { x: 750, y: 200 });
  await canvas.connect(source, file);
  await expect.poll(() => canvas.edgeCount()).toBe(1);

  const edge = await page.locator('.react-flow__edge').first().boundingBox();
  const pane = await page.getByTestId('canvas').boundingBox();
  if (!edge || !pane) throw new Error('The link or the canvas is not visible');
  const filter = await canvas.dragStage('filter', {
    x: edge.x + edge.width / 2 - pane.x,
    y: edge.y + edge.height / 2 - pane.y,
  });
  await expect.poll(() => canvas.edgeCount()).toBe(2);
  await expect(page.getByTestId(`rf__edge-link-1`)).toHaveCount(0);
  await expect(canvas.link(source, filter)).toHaveCount(1);
  await expect(canvas.link(filter, file)).toHaveCount(1);

  await canvas.undo();
  await expect.poll(() => canvas.stageIds()).toEqual([source, file]);
  expect(await canvas.edgeCount()).toBe(1);
});
