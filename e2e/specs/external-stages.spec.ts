import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { ExternalStagesPage } from '../pages/external-stages-page';
import { expect, test } from '../support/fixtures';

test('external stages: a folder outside the allowed roots is refused, one inside lists its files, a sub-stage lists its part', async ({
  page,
  flows,
  sluice,
}) => {
  const incoming = path.join(sluice.dataDir, 'files', 'incoming');
  await mkdir(path.join(incoming, '2026'), { recursive: true });
  await writeFile(path.join(incoming, '2026', 'day-1.csv'), 'id,name\n1,Ann\n');
  await writeFile(path.join(incoming, 'readme.txt'), 'drops by day\n');
  const stages = new ExternalStagesPage(page);

  await flows.goto();
  await stages.open();
  await expect(stages.row('samples')).toBeVisible();

  await stages.startNew('incoming');
  await stages.fillUrl('file:///etc/');
  await page.getByTestId('external-stage-submit').click();
  await expect(page.getByTestId('external-stage-error')).toContainText('SLUICE_FILE_ROOTS');

  await stages.fillUrl(`file://${incoming}/`);
  await stages.submit();
  const row = stages.row('incoming');
  await expect(row.getByTestId('external-stage-kind-badge')).toHaveText('Folder');
  await row.getByTestId('toggle-external-stage-files').click();
  await expect(
    page.locator('[data-testid="external-stage-file"][data-path="2026/day-1.csv"]'),
  ).toBeVisible();

  await stages.startNew('this-year');
  await stages.pickKind('Sub-stage');
  await page.getByTestId('external-stage-parent').click();
  await page.getByRole('option', { name: 'incoming', exact: true }).click();
  await page.getByTestId('external-stage-sub-path').fill('2026');
  await expect(stages.modal()).toContainText('stage://incoming/2026/');
  await stages.submit();
  const sub = stages.row('this-year');
  await expect(sub).toContainText('stage://incoming/2026/');
  await sub.getByTestId('toggle-external-stage-files').click();
  const files = page.getByTestId('external-stage-files').last();
  await expect(files.locator('[data-testid="external-stage-file"]')).toHaveCount(1);
  await expect(files.locator('[data-path="day-1.csv"]')).toBeVisible();
});

test('columns of a JSON lines file are detected as JSON lines, not as one CSV column', async ({
  page,
  flows,
  canvas,
  sluice,
}) => {
  const incoming = path.join(sluice.dataDir, 'files', 'incoming');
  await mkdir(incoming, { recursive: true });
  await writeFile(
    path.join(incoming, 'events.jsonl'),
    '{"id": 1, "kind": "click", "at": "2026-01-02 10:00:00"}\n{"id": 2, "kind": "view", "at": "2026-01-02 10:05:00"}\n',
  );
  const stages = new ExternalStagesPage(page);
  await flows.goto();
  await stages.open();
  await stages.startNew('incoming');
  await stages.fillUrl(`file://${incoming}/`);
  await stages.submit();

  await page.goto(sluice.url);
  await flows.create('Events');
  const source = await canvas.dragStage('file-source', { x: 200, y: 200 });
  await canvas.select(source);
  await canvas.choose('externalStage', 'incoming');
  await canvas.fill('path', 'events.jsonl');
  await canvas.choose('format', 'JSON lines');
  await expect(page.getByTestId('field-delimiter')).toHaveCount(0);
  await page.getByTestId('detect-columns').click();
  const names = page.getByTestId('schema-row').locator('input[aria-label$="name"]');
  await expect(names).toHaveCount(3);
  expect(await names.evaluateAll((all) => all.map((i) => (i as HTMLInputElement).value))).toEqual([
    'id',
    'kind',
    'at',
  ]);
});
