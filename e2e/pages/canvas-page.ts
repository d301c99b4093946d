import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The flow editor: palette, canvas, inspector, toolbar and run panel. */
export class CanvasPage {
  constructor(private readonly page: Page) {}

  node(stageId: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${stageId}"]`);
  }

  /** Drags a stage type from the palette to a point of the canvas and returns the new stage's id. */
  async dragStage(type: string, at: { x: number; y: number }): Promise<string> {
    const before = await this.stageIds();
    await this.page
      .getByTestId(`palette-item-${type}`)
      .dragTo(this.page.getByTestId('canvas'), { targetPosition: at });
    await expect.poll(async () => (await this.stageIds()).length).toBe(before.length + 1);
    const added = (await this.stageIds()).find((id) => !before.includes(id));
    if (!added) throw new Error(`No ${type} stage appeared on the canvas`);
    return added;
  }

  async stageIds(): Promise<string[]> {
    return this.page
      .locator('.react-flow__node:not(.react-flow__node-note)')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
  }

  /**
   * Points at the middle of the link between two stages. A level link has no height, which
   * Playwright counts as not visible, so the pointer moves there rather than hovering it.
   */
  async pointAtLink(from: string, to: string, ports = { out: 'out', in: 'in' }): Promise<void> {
    const source = await this.node(from)
      .locator(`.react-flow__handle.source[data-handleid="${ports.out}"]`)
      .boundingBox();
    const target = await this.node(to)
      .locator(`.react-flow__handle.target[data-handleid="${ports.in}"]`)
      .boundingBox();
    if (!source || !target) throw new Error(`Handles of ${from} or ${to} are not visible`);
    await this.page.mouse.move(
      (source.x + source.width / 2 + target.x + target.width / 2) / 2,
      (source.y + source.height / 2 + target.y + target.height / 2) / 2,
    );
  }

  /** Links an output port of one stage to an input port of another by dragging between handles. */
  async connect(from: string, to: string, ports = { out: 'out', in: 'in' }): Promise<void> {
    const source = this.node(from).locator(
      `.react-flow__handle.source[data-handleid="${ports.out}"]`,
    );
    const target = this.node(to).locator(`.react-flow__handle.target[data-handleid="${ports.in}"]`);
    const a = await source.boundingBox();
    const b = await target.boundingBox();
    if (!a || !b) throw new Error(`Handles of ${from} or ${to} are not visible`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Adds stages to the selection with Ctrl-clicks (Shift-clicks when `key` says so). */
  async addToSelection(stageIds: readonly string[], key: 'Control' | 'Shift' = 'Control') {
    for (const id of stageIds) await this.node(id).click({ modifiers: [key] });
  }

  async selectedStageIds(): Promise<string[]> {
    return this.page
      .locator('.react-flow__node.selected:not(.react-flow__node-note)')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
  }

  /** Moves the pointer to a point of the canvas, given from its top-left corner. */
  async pointAt(at: { x: number; y: number }): Promise<void> {
    const box = await this.page.getByTestId('canvas').boundingBox();
    if (!box) throw new Error('The canvas is not visible');
    await this.page.mouse.move(box.x + at.x, box.y + at.y);
  }

  /** Right-clicks where the pointer is, as a person opens a context menu. */
  private async rightClickHere(): Promise<void> {
    await this.page.mouse.down({ button: 'right' });
    await this.page.mouse.up({ button: 'right' });
  }

  /** Opens the context menu of a stage or note and returns it. */
  async openMenuOn(id: string): Promise<Locator> {
    await this.node(id).click({ button: 'right' });
    return this.contextMenu();
  }

  /** Opens the context menu of the link between two stages and returns it. */
  async openLinkMenu(from: string, to: string): Promise<Locator> {
    await this.pointAtLink(from, to);
    await this.rightClickHere();
    return this.contextMenu();
  }

  /** Opens the context menu of the empty canvas at a point (from its top-left corner). */
  async openPaneMenu(at: { x: number; y: number }): Promise<Locator> {
    await this.pointAt(at);
    await this.rightClickHere();
    return this.contextMenu();
  }

  /** Closes the open dialog with Escape and waits until it no longer covers the page. */
  async closeDialog(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.page.locator('.mantine-Modal-overlay')).toHaveCount(0);
  }

  /** The open context menu, whatever it was opened on. */
  contextMenu(): Locator {
    return this.page.locator('[data-testid^="context-menu-"]');
  }

  /** An entry of the open context menu, by the action it runs. */
  menuEntry(id: string): Locator {
    return this.contextMenu().getByTestId(`menu-${id}`);
  }

  /** The ids of the notes on the canvas, or of the selected ones. */
  async noteIds(only: 'all' | 'selected' = 'all'): Promise<string[]> {
    return this.page
      .locator(only === 'all' ? '.react-flow__node-note' : '.react-flow__node-note.selected')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id') ?? ''));
  }

  /** Types a note's text into its open editor and closes it. */
  async writeNote(noteId: string, text: string): Promise<void> {
    const editor = this.node(noteId).getByTestId('note-editor');
    await expect(editor).toBeFocused();
    await editor.fill(text);
    await editor.press('Escape');
    await expect(editor).toBeHidden();
  }

  /** Clicks an empty point of the canvas, which clears the selection. */
  async clickPane(at: { x: number; y: number }): Promise<void> {
    await this.pointAt(at);
    await this.page.mouse.down();
    await this.page.mouse.up();
  }

  /** A stage's position on the canvas, in flow coordinates (from React Flow's transform). */
  async position(stageId: string): Promise<{ x: number; y: number }> {
    const transform = await this.node(stageId).evaluate((n) => (n as HTMLElement).style.transform);
    const match = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\)/.exec(transform);
    if (!match) throw new Error(`No position on ${stageId}: ${transform}`);
    return { x: Number(match[1]), y: Number(match[2]) };
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo-button').click();
  }

  /** The link from one stage to another, as React Flow labels it. */
  link(from: string, to: string): Locator {
    return this.page.locator(`.react-flow__edge[aria-label="Edge from ${from} to ${to}"]`);
  }

  edgeCount(): Promise<number> {
    return this.page.locator('.react-flow__edge').count();
  }

  /** Selects a stage so the inspector shows its form. */
  async select(stageId: string): Promise<Locator> {
    await this.node(stageId).click();
    const inspector = this.page.getByTestId('inspector');
    await expect(inspector.getByTestId('stage-label-input')).toBeVisible();
    return inspector;
  }

  /** Types into a text-like field of the selected stage's form. */
  async fill(key: string, value: string): Promise<void> {
    const field = this.page.getByTestId('inspector').getByTestId(`field-${key}`);
    // A SQL field is a code editor, typed into through its contenteditable content.
    const control = field.locator('input, textarea, .cm-content').first();
    await control.fill(value);
    await control.blur();
  }

  /** Picks an option of a select field of the selected stage's form by its label. */
  async choose(key: string, option: string): Promise<void> {
    await this.page
      .getByTestId('inspector')
      .getByTestId(`field-${key}`)
      .getByRole('combobox')
      .click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /**
   * Picks `option` in the inspector's select or multi-select labelled `label`, then closes its
   * list (a multi-select keeps it open for more).
   */
  async pick(label: string, option: string): Promise<void> {
    await this.page.getByTestId('inspector').getByLabel(label, { exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Selects a stage and types each of `fields` (key → text) into its form. */
  async configure(stageId: string, fields: Record<string, string>): Promise<void> {
    await this.select(stageId);
    for (const [key, value] of Object.entries(fields)) await this.fill(key, value);
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-button').click();
    await expect(this.page.getByTestId('dirty-indicator')).toBeHidden();
  }

  /** Presses Run and waits for the run to reach a final state, which it returns. */
  async run(): Promise<string> {
    await this.page.getByTestId('run-button').click();
    const state = this.page.getByTestId('run-panel').getByTestId('run-state');
    await expect(state).toHaveText(/succeeded|failed|cancelled/, { timeout: 60_000 });
    return (await state.textContent())?.trim() ?? '';
  }

  dirtyIndicator(): Locator {
    return this.page.getByTestId('dirty-indicator');
  }

  /** Clicks the toolbar's back arrow to the flow list. */
  async backToFlows(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to the flows' }).click();
  }

  /** The question asked before unsaved edits would be left behind. */
  unsavedChangesDialog(): Locator {
    return this.page.getByTestId('unsaved-changes-dialog');
  }

  /** The error the selected stage failed with in the last run, at the top of its inspector. */
  inspectorRunError(): Locator {
    return this.page.getByTestId('inspector').getByTestId('stage-run-error');
  }

  runStageRow(stageId: string): Locator {
    return this.page
      .getByTestId('run-panel')
      .locator(`[data-testid="run-stage-row"][data-stage-id="${stageId}"]`);
  }
}
