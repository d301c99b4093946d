import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The five keys an S3 external stage needs, plus optional compression. */
export interface S3Credentials {
  AWS_KEY_ID: string;
  AWS_SECRET_KEY: string;
  AWS_REGION: string;
  ENDPOINT: string;
  PROVIDER: 'Amazon S3' | 'MinIO' | 'Tencent COS';
}

type SecretKey = 'AWS_KEY_ID' | 'AWS_SECRET_KEY';

/** The external stages list and its create / edit modal. */
export class ExternalStagesPage {
  constructor(private readonly page: Page) {}

  /** Opens the list from the header link of whatever page is showing. */
  async open(): Promise<void> {
    await this.page.getByTestId('external-stages-link').click();
    await expect(this.page.getByTestId('new-external-stage-button')).toBeVisible();
  }

  row(name: string): Locator {
    return this.page.locator(`[data-testid="external-stage-row"][data-name="${name}"]`);
  }

  modal(): Locator {
    return this.page.getByRole('dialog');
  }

  async startNew(name: string): Promise<void> {
    await this.page.getByTestId('new-external-stage-button').click();
    await this.page.getByTestId('external-stage-name-input').fill(name);
  }

  async edit(name: string): Promise<void> {
    await this.row(name).getByTestId('edit-external-stage').click();
    await expect(this.modal()).toBeVisible();
  }

  async pickKind(label: 'Folder' | 'S3' | 'Sub-stage'): Promise<void> {
    await this.modal().getByTestId('external-stage-kind').getByText(label, { exact: true }).click();
  }

  async fillUrl(url: string): Promise<void> {
    await this.page.getByTestId('external-stage-url-input').fill(url);
  }

  /** The input or "Secret set" line of one secret. */
  secret(key: SecretKey): Locator {
    return this.modal().getByTestId(`credential-${key}`);
  }

  async fillCredentials(credentials: S3Credentials): Promise<void> {
    for (const key of ['AWS_KEY_ID', 'AWS_SECRET_KEY'] as const) {
      await this.secret(key).locator('input').fill(credentials[key]);
    }
    await this.modal().getByTestId('credential-AWS_REGION').fill(credentials.AWS_REGION);
    await this.modal().getByTestId('credential-ENDPOINT').fill(credentials.ENDPOINT);
    await this.modal().getByTestId('credential-PROVIDER').click();
    await this.page.getByRole('option', { name: credentials.PROVIDER, exact: true }).click();
  }

  /** Clicks Replace on a stored secret and types a new one. */
  async replaceSecret(key: SecretKey, value: string): Promise<void> {
    await this.secret(key).getByTestId(`credential-${key}-replace`).click();
    await this.secret(key).locator('input').fill(value);
  }

  /** Submits the modal and waits for it to close (the server took it). */
  async submit(): Promise<void> {
    await this.page.getByTestId('external-stage-submit').click();
    await expect(this.modal()).toBeHidden();
  }
}
