import type { Response } from '@playwright/test';

import { ExternalStagesPage } from '../pages/external-stages-page';
import { expect, test } from '../support/fixtures';

const credentials = {
  AWS_KEY_ID: 'AKIAE2EKEYID0001',
  AWS_SECRET_KEY: 'e2e-secret-Zq81vT0pLw',
  AWS_REGION: 'us-east-1',
  ENDPOINT: 'minio.internal:9000',
  PROVIDER: 'MinIO',
} as const;
const replacement = 'e2e-replaced-Kp44xN2mQs';

test('S3 external stage: secrets are kept, never shown or sent back, and can be replaced', async ({
  page,
  flows,
}) => {
  const bodies: Promise<string>[] = [];
  page.on('response', (response: Response) => {
    if (response.url().includes('/trpc')) bodies.push(response.text().catch(() => ''));
  });
  const stages = new ExternalStagesPage(page);
  await flows.goto();
  await stages.open();

  await stages.startNew('lake');
  await stages.pickKind('S3');
  await stages.fillUrl('s3://bucket/raw/');
  await page.getByTestId('external-stage-submit').click();
  await expect(stages.secret('AWS_KEY_ID')).toContainText('Enter the access key id.');
  await expect(stages.modal().getByTestId('external-stage-url-input')).toHaveValue(
    's3://bucket/raw/',
  );

  await stages.fillCredentials({ ...credentials, AWS_REGION: 'us-east-1,eu-west-1' });
  await page.getByTestId('external-stage-submit').click();
  await expect(stages.modal()).toContainText('Must not contain a comma');
  await stages.modal().getByTestId('credential-AWS_REGION').fill(credentials.AWS_REGION);
  await stages.submit();

  const row = stages.row('lake');
  await expect(row.getByTestId('external-stage-kind-badge')).toHaveText('S3');
  await expect(row.getByTestId('external-stage-secrets-set')).toHaveText('Secrets set');

  await stages.edit('lake');
  for (const key of ['AWS_KEY_ID', 'AWS_SECRET_KEY'] as const) {
    await expect(stages.secret(key).getByTestId(`credential-${key}-set`)).toHaveText('Secret set');
  }
  await expect(stages.modal().getByTestId('credential-ENDPOINT')).toHaveValue(credentials.ENDPOINT);
  const inputs = await page
    .locator('input')
    .evaluateAll((all) => all.map((input) => (input as HTMLInputElement).value));
  const html = await page.content();
  for (const secret of [credentials.AWS_KEY_ID, credentials.AWS_SECRET_KEY]) {
    expect(inputs).not.toContain(secret);
    expect(html).not.toContain(secret);
    for (const body of await Promise.all(bodies)) expect(body).not.toContain(secret);
  }

  await stages.replaceSecret('AWS_SECRET_KEY', replacement);
  await expect(stages.secret('AWS_KEY_ID').getByTestId('credential-AWS_KEY_ID-set')).toBeVisible();
  const update = page.waitForRequest(
    (request) => request.url().includes('externalStage.update') && request.method() === 'POST',
  );
  await stages.submit();
  const sent = (await update).postData() ?? '';
  expect(sent).toContain(replacement);
  expect(sent).not.toContain('AWS_KEY_ID');

  await stages.edit('lake');
  await expect(
    stages.secret('AWS_SECRET_KEY').getByTestId('credential-AWS_SECRET_KEY-set'),
  ).toBeVisible();
  expect(await page.content()).not.toContain(replacement);
  for (const body of await Promise.all(bodies)) expect(body).not.toContain(replacement);
});
