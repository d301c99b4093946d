import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The flow list: create, open, rename and delete flows. */
export class FlowListPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async goto(): Promise<void> {
    await this.page.goto(this.baseUrl);
    await expect(this.page.getByTestId('new-flow-button')).toBeVisible();
  }

  /** Creates a flow through the dialog and waits for its editor to open. */
  async create(name: string): Promise<void> {
    await this.page.getByTestId('new-flow-button').click();
    await this.page.getByTestId('flow-name-input').fill(name);
    await this.page.getByTestId('create-flow-submit').click();
    await expect(this.page.getByTestId('canvas')).toBeVisible();
    await expect(this.page.getByTestId('flow-title')).toContainText(name);
  }

  row(name: string) {
    return this.page.locator(
      `[data-testid="flow-row"][data-flow-name="${name.replaceAll('"', '\\"')}"]`,
    );
  }
}
