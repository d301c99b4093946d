import { expect, test } from '../support/fixtures';

test('a note written in Markdown is saved with the flow and drawn formatted after a reload', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Annotated');
  const filter = await canvas.dragStage('filter', { x: 450, y: 200 });
  await canvas.pointAt({ x: 100, y: 330 });
  await page.keyboard.press('n');
  await expect.poll(() => canvas.noteIds()).toEqual(['note-1']);
  const note = canvas.node('note-1');
  await canvas.writeNote(
    'note-1',
    '# Paid orders\n\nOnly **paid** ones go on.\n\n- refunds later\n- <b>no html</b>',
  );
  const markdown = note.getByTestId('note-markdown');
  await expect(markdown.locator('h1')).toHaveText('Paid orders');
  await expect(markdown.locator('strong')).toHaveText('paid');
  await expect(markdown.locator('li')).toHaveCount(2);
  await expect(markdown.locator('b')).toHaveCount(0);

  // Editing again by double-click is one more undo step.
  await note.dblclick();
  await canvas.writeNote('note-1', '# Paid orders\n\nOnly **paid** ones.');
  await expect(markdown.locator('p')).toHaveText('Only paid ones.');
  await canvas.undo();
  await expect(markdown.locator('li')).toHaveCount(2);

  await canvas.save();
  await page.reload();
  await expect(canvas.node(filter)).toBeVisible();
  await expect(canvas.node('note-1').getByTestId('note-markdown').locator('h1')).toHaveText(
    'Paid orders',
  );
  await expect(canvas.dirtyIndicator()).toBeHidden();
});

test('a note resizes by its handles, saved, and is deleted; each undoes in one step', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Resized note');
  await canvas.openPaneMenu({ x: 100, y: 100 });
  await canvas.menuEntry('add-note').click();
  await canvas.writeNote('note-1', 'Resize me');
  const note = canvas.node('note-1');
  const width = async () => Math.round((await note.boundingBox())?.width ?? 0);
  const before = await width();
  const widen = async () => {
    await note.click();
    const handle = await note
      .locator('.react-flow__resize-control.handle.bottom.right')
      .boundingBox();
    if (!handle) throw new Error('The resize handle of the note is not visible');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + 120, handle.y + 60, { steps: 8 });
    await page.mouse.up();
    await expect.poll(width).toBeGreaterThan(before + 100);
  };
  await widen();
  await canvas.undo();
  await expect.poll(width).toBe(before);

  await widen();
  const widened = await width();
  await canvas.save();
  await page.reload();
  await expect.poll(width).toBe(widened);

  await note.click();
  await page.keyboard.press('Delete');
  await expect.poll(() => canvas.noteIds()).toEqual([]);
  await canvas.undo();
  await expect.poll(() => canvas.noteIds()).toEqual(['note-1']);
});

test('a stage description written in the inspector shows when the pointer rests on it', async ({
  page,
  flows,
  canvas,
}) => {
  await flows.goto();
  await flows.create('Described');
  const filter = await canvas.dragStage('filter', { x: 300, y: 200 });
  const inspector = await canvas.select(filter);
  await inspector.getByTestId('stage-description-input').fill('Keeps the paid orders only');
  await canvas.save();
  await page.reload();

  await canvas.node(filter).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Keeps the paid orders only');
  await page.mouse.move(10, 10);
  await expect(page.getByRole('tooltip')).toBeHidden();
  await canvas.select(filter);
  await expect(page.getByTestId('stage-description-input')).toHaveValue(
    'Keeps the paid orders only',
  );
});
