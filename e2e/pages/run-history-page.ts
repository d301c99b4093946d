import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The run panel's History list and the read-only view of a past run it opens. */
export class RunHistoryPage {
  constructor(private readonly page: Page) {}

  /** The listed runs, newest first. */
  items(): Locator {
    return this.page.getByTestId('run-panel').getByTestId('run-history-item');
  }

  /** Opens the run `index` places down the list and waits for its read-only view. */
  async open(index: number): Promise<void> {
    await this.items().nth(index).click();
    await expect(this.banner()).toBeVisible();
  }

  banner(): Locator {
    return this.page.getByTestId('past-run-banner');
  }

  async runAgain(): Promise<void> {
    await this.banner().getByTestId('rerun-button').click();
  }

  async restore(): Promise<void> {
    await this.banner().getByTestId('restore-version-button').click();
    await expect(this.banner()).toBeHidden();
  }
}
