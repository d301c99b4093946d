import { expect, test } from '../support/fixtures';

test('the palette filters as one types and Enter adds the first match, undone in one step', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Search');
  const search = page.getByTestId('palette-search');
  await search.fill('filt');
  await expect(page.getByTestId('palette-item-filter')).toBeVisible();
  await expect(page.getByTestId('palette-item-file-source')).toBeHidden();
  await search.press('Enter');
  await expect.poll(() => canvas.stageIds()).toEqual(['filter-1']);

  await search.fill('no such stage');
  await expect(page.getByText('No stage matches')).toBeVisible();
  await search.press('Enter');
  expect(await canvas.stageIds()).toEqual(['filter-1']);

  await canvas.undo();
  await expect.poll(() => canvas.stageIds()).toEqual([]);
});

test('stage help is one click away in the palette and the inspector', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Help');
  await page.getByTestId('stage-help-filter').click();
  const help = page.getByTestId('stage-help');
  await expect(help).toContainText('Filter');
  await expect(help).toContainText('Condition');
  await page.getByTestId('stage-help-filter').click();
  await expect(help).toBeHidden();

  const filter = await canvas.dragStage('filter', { x: 300, y: 200 });
  const inspector = await canvas.select(filter);
  await inspector.getByTestId('stage-help-filter').click();
  await expect(page.getByTestId('stage-help')).toContainText('Condition');
});
