import { expect, test } from '../support/fixtures';
import { paidCondition } from '../support/paid-orders';
import { drawSourceFilterTable } from '../support/source-filter-table';

test('compare two saved versions on the canvas, see what changed, and restore the older one', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Versioned orders');
  const { filter } = await drawSourceFilterTable(canvas, {
    path: 'orders.csv',
    condition: paidCondition,
    table: 'paid_orders',
  });
  await canvas.save();

  // Version 3 changes the condition and adds a limit after the filter.
  await canvas.configure(filter, { condition: "status = 'paid'" });
  const limit = await canvas.dragStage('limit', { x: 750, y: 400 });
  await canvas.connect(filter, limit);
  await canvas.save();

  await page.getByTestId('tab-versions').click();
  const rows = page.getByTestId('version-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Version 3 (current)');
  await expect(rows.first().getByTestId('version-change')).toContainText('+1 stage');
  await expect(rows.first().getByTestId('version-change')).toContainText('1 changed');

  await rows.nth(0).getByTestId('version-pick').check();
  await rows.nth(1).getByTestId('version-pick').check();
  await page.getByTestId('compare-versions').click();
  const compared = page.getByTestId('compare-canvas');
  const node = (label: string) => compared.getByTestId('compare-node').filter({ hasText: label });
  await expect(node('Limit')).toHaveAttribute('data-marks', 'added');
  await expect(node('Filter')).toHaveAttribute('data-marks', 'changed');
  await expect(node('Table')).toHaveAttribute('data-marks', '');
  await node('Filter').click();
  await expect(page.getByTestId('compare-stage-changes')).toContainText('Condition');

  // Restoring version 2 makes it current as version 4; version 3 stays in the list.
  await page.getByTestId('restore-compared-version').click();
  await expect(
    page.getByText('Version 2 is the current flow again, saved as version 4.'),
  ).toBeVisible();
  await expect(compared).toBeHidden();
  await expect(rows).toHaveCount(4);
  await expect(rows.first()).toContainText('Version 4 (current)');
  await expect.poll(async () => (await canvas.stageIds()).length).toBe(3);
  await expect(canvas.dirtyIndicator()).toBeHidden();

  // Version 4 against 3: the limit is gone, drawn where it was as a ghost.
  await rows.nth(0).getByTestId('version-pick').check();
  await rows.nth(1).getByTestId('version-pick').check();
  await page.getByTestId('compare-versions').click();
  await expect(node('Limit')).toHaveAttribute('data-marks', 'removed');
  await expect(node('Filter')).toHaveAttribute('data-marks', 'changed');
});
