import { expect, test } from '../support/fixtures';

test('? opens the sheet of every shortcut, and Escape closes it', async ({ page, flows }) => {
  await flows.goto();
  await flows.create('Shortcuts');
  await page.getByTestId('canvas').click({ position: { x: 300, y: 300 } });
  await page.keyboard.press('Shift+?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row')).toHaveCount(17);
  await expect(sheet).toContainText('Run the flow, its parameters at the values last chosen');
  await expect(sheet).toContainText('Lay the flow out left to right');
  await expect(sheet).toContainText('Add a note at the pointer');
  await expect(sheet).toContainText('Preview the data of the selected stage or link');
  await expect(sheet).toContainText('Run up to here');
  await expect(sheet).toContainText('Ctrl+Shift+Z');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  const search = page.getByTestId('palette-search');
  await search.press('Shift+?');
  await expect(search).toHaveValue('?');
  await expect(sheet).toBeHidden();
});
