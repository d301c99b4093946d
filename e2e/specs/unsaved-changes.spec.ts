import type { Page } from '@playwright/test';

import type { CanvasPage } from '../pages/canvas-page';
import type { FlowListPage } from '../pages/flow-list-page';
import { expect, test } from '../support/fixtures';

const savedCondition = "status = 'paid'";
const editedCondition = 'amount > 100';

/** A saved flow with one filter, then an unsaved edit of its condition; returns the filter id. */
async function editWithoutSaving(flows: FlowListPage, canvas: CanvasPage): Promise<string> {
  await flows.goto();
  await flows.create('Half done');
  const filter = await canvas.dragStage('filter', { x: 300, y: 200 });
  await canvas.configure(filter, { condition: savedCondition });
  await canvas.save();
  await canvas.fill('condition', editedCondition);
  await expect(canvas.dirtyIndicator()).toBeVisible();
  return filter;
}

/** Opens the flow from the list and returns the condition its filter holds. */
async function savedConditionOf(page: Page, canvas: CanvasPage, filter: string) {
  await page.getByTestId('open-flow').click();
  await canvas.select(filter);
  return page.getByTestId('field-condition').locator('.cm-content').innerText();
}

test('leaving with unsaved edits asks first, and Stay keeps the edit', async ({
  page,
  flows,
  canvas,
}) => {
  const filter = await editWithoutSaving(flows, canvas);
  await canvas.backToFlows();
  const dialog = canvas.unsavedChangesDialog();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You have unsaved changes to Half done.');
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(dialog).toBeHidden();
  await expect(canvas.dirtyIndicator()).toBeVisible();
  await canvas.select(filter);
  await expect(page.getByTestId('field-condition').locator('.cm-content')).toHaveText(
    editedCondition,
  );

  await page.getByTestId('external-stages-link').click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByTestId('canvas')).toBeVisible();

  await page.goBack();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(canvas.dirtyIndicator()).toBeVisible();
});

test("Discard after the browser's Back leaves without saving the edit", async ({
  page,
  flows,
  canvas,
}) => {
  const filter = await editWithoutSaving(flows, canvas);
  await page.goBack();
  await canvas.unsavedChangesDialog().getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('new-flow-button')).toBeVisible();
  expect(await savedConditionOf(page, canvas, filter)).toBe(savedCondition);
});

test('Save and leave saves the edit, then leaves', async ({ page, flows, canvas }) => {
  const filter = await editWithoutSaving(flows, canvas);
  await canvas.backToFlows();
  await canvas.unsavedChangesDialog().getByRole('button', { name: 'Save and leave' }).click();
  await expect(page.getByTestId('new-flow-button')).toBeVisible();
  expect(await savedConditionOf(page, canvas, filter)).toBe(editedCondition);
});

test('reloading with unsaved edits raises the browser prompt; with none, nothing asks', async ({
  page,
  flows,
  canvas,
}) => {
  const filter = await editWithoutSaving(flows, canvas);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);

  await expect(canvas.dirtyIndicator()).toBeHidden();
  // A click first: browsers only prompt on unload after the person has interacted with the page.
  await canvas.select(filter);
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await canvas.backToFlows();
  await expect(page.getByTestId('new-flow-button')).toBeVisible();
  await expect(canvas.unsavedChangesDialog()).toHaveCount(0);
  expect(dialogs).toEqual(['beforeunload']);
});
