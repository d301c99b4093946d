import { ExternalStagesPage } from '../pages/external-stages-page';
import { expect, test } from '../support/fixtures';

/**
 * Turning an external stage off on the External stages page, on DuckDB: Sluice keeps the state
 * in its own metadata (only MatrixOne has stages of its own, which this suite has no server
 * for), shows the stage as disabled, and a flow reading it gets the error on its field until
 * the stage is on again.
 */
test('a disabled external stage shows as such, and a flow reading it is refused on its field until it is on again', async ({
  page,
  flows,
  canvas,
}) => {
  const stages = new ExternalStagesPage(page);
  await flows.goto();
  await stages.open();
  await expect(page.getByTestId('server-stages-button')).toHaveCount(0);
  const row = stages.row('samples');
  await expect(row.getByTestId('external-stage-status')).toHaveText('In use');
  // Mantine draws the switch's track over its input, so the track is what a person clicks.
  await row.locator('.mantine-Switch-track').click();
  await expect(row.getByTestId('external-stage-status')).toHaveText('Disabled');
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await page.reload();
  await expect(stages.row('samples').getByTestId('external-stage-status')).toHaveText('Disabled');

  await flows.goto();
  await flows.create('Reads samples');
  const source = await canvas.dragStage('file-source', { x: 200, y: 200 });
  const destination = await canvas.dragStage('table-destination', { x: 500, y: 200 });
  await canvas.connect(source, destination);
  await canvas.select(source);
  const error = page.getByTestId('field-error-externalStage');
  await expect(error).toContainText(
    'External stage "samples" is disabled: enable it on the External stages page, or pick another.',
  );
  await canvas.save();

  await stages.open();
  await stages.row('samples').locator('.mantine-Switch-track').click();
  await expect(stages.row('samples').getByTestId('external-stage-status')).toHaveText('In use');
  await flows.goto();
  await flows.row('Reads samples').getByTestId('open-flow').click();
  await canvas.select(source);
  await expect(page.getByTestId('field-error-externalStage')).toHaveCount(0);
});
