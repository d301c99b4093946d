import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

import type { RouterOutputs } from '@sluice/server';

import { expect, test } from '../support/fixtures';
import { countPaidOrders, drawPaidOrdersFlow } from '../support/paid-orders';
import { removeDataDir, startSluice } from '../support/sluice-server';

/** Opens the import dialog's file chooser and gives it `file`: a path, or a file made here. */
async function chooseFlowFile(
  page: Page,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('import-choose-file').click();
  await (await chooser).setFiles(file);
}

/** A flow file as the server exports it. */
type FlowFile = RouterOutputs['flow']['exportFile'];

const asUpload = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(content)),
});

test('a flow exported from one Sluice is imported into a fresh one, its problems shown before saving, and runs there', async ({
  page,
  flows,
  canvas,
}) => {
  const { source, filter, table } = await drawPaidOrdersFlow(
    { flows, canvas },
    { name: 'Paid orders', table: 'paid_orders' },
  );
  await canvas.save();

  const fromEditor = page.waitForEvent('download');
  await page.getByTestId('export-button').click();
  const editorDownload = await fromEditor;
  expect(editorDownload.suggestedFilename()).toBe('Paid orders.sluice.json');
  const editorFile = JSON.parse(await readFile(await editorDownload.path(), 'utf8')) as FlowFile;

  await canvas.backToFlows();
  const fromList = page.waitForEvent('download');
  await flows.row('Paid orders').getByTestId('export-flow').click();
  const path = test.info().outputPath('paid-orders.sluice.json');
  await (await fromList).saveAs(path);
  const file = JSON.parse(await readFile(path, 'utf8')) as FlowFile;
  expect(file).toEqual(editorFile);
  expect(file).toMatchObject({
    format: 'sluice-flow',
    name: 'Paid orders',
    externalStages: ['samples'],
  });
  expect(file.document.stages.map((stage) => stage.id)).toEqual([source, filter, table]);

  const fresh = await startSluice();
  try {
    await page.goto(fresh.url);
    await page.getByTestId('import-flow-button').click();

    await chooseFlowFile(
      page,
      asUpload('broken.sluice.json', { ...file, document: { ...file.document, links: 'none' } }),
    );
    await expect(page.getByTestId('import-problem')).toHaveText([
      'document.links: Invalid input: expected array, received string',
    ]);
    await expect(page.getByTestId('import-submit')).toHaveCount(0);

    const elsewhere = structuredClone(file);
    elsewhere.document.stages[0]!.config.externalStage = 'warehouse';
    await chooseFlowFile(page, asUpload('elsewhere.sluice.json', elsewhere));
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('import-problems')).toContainText(
      'external stages this Sluice does not have ("warehouse")',
    );
    await expect(page.getByTestId('import-problem')).toHaveText([
      `File source (${source}) externalStage: External stage "warehouse" does not exist. Pick one from the list or create it.`,
    ]);

    await chooseFlowFile(page, path);
    await expect(page.getByTestId('import-summary')).toHaveText(
      '3 stages; external stages "samples".',
    );
    await page.getByTestId('import-submit').click();
    await expect(page.getByTestId('canvas')).toBeVisible();
    await expect(page.getByTestId('flow-title')).toContainText('Paid orders');
    expect(await canvas.run()).toBe('succeeded');
    await expect(canvas.runStageRow(table).getByTestId('run-stage-rows')).toHaveText(
      String(await countPaidOrders()),
    );

    await canvas.backToFlows();
    await expect(page.getByTestId('flow-row')).toHaveCount(1);
  } finally {
    await fresh.stop();
    await removeDataDir(fresh);
  }
});
