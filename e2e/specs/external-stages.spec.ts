import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { expect, test } from '../support/fixtures';

test('external stages: a folder outside the allowed roots is refused, one inside lists its files', async ({
  page,
  flows,
  sluice,
}) => {
  const incoming = path.join(sluice.dataDir, 'files', 'incoming');
  await mkdir(path.join(incoming, '2026'), { recursive: true });
  await writeFile(path.join(incoming, '2026', 'day-1.csv'), 'id,name\n1,Ann\n');

  await flows.goto();
  await page.getByTestId('external-stages-link').click();
  await expect(
    page.locator('[data-testid="external-stage-row"][data-name="samples"]'),
  ).toBeVisible();

  await page.getByTestId('new-external-stage-button').click();
  await page.getByTestId('external-stage-name-input').fill('incoming');
  await page.getByTestId('external-stage-url-input').fill('file:///etc/');
  await page.getByTestId('external-stage-submit').click();
  await expect(page.getByTestId('external-stage-error')).toContainText('SLUICE_FILE_ROOTS');

  await page.getByTestId('external-stage-url-input').fill(`file://${incoming}/`);
  await page.getByTestId('external-stage-submit').click();
  const row = page.locator('[data-testid="external-stage-row"][data-name="incoming"]');
  await expect(row).toBeVisible();
  await row.getByTestId('toggle-external-stage-files').click();
  await expect(
    page.locator('[data-testid="external-stage-file"][data-path="2026/day-1.csv"]'),
  ).toBeVisible();
});
