import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';

import type { ExternalStageFormValues, FieldErrors } from './external-stage-form';
import type { SecretKey, SettingKey } from './external-stage-kinds';
import { CREDENTIAL_LABELS } from './external-stage-form';
import { COMPRESSIONS, S3_PROVIDERS, SECRET_KEYS } from './external-stage-kinds';
import { SecretInput } from './secret-input';

interface S3CredentialFieldsProps {
  values: ExternalStageFormValues;
  errors: FieldErrors;
  /** The secrets the server holds for the stage being edited. */
  secretsSet: readonly SecretKey[];
  setSecret: (key: SecretKey, value: string | null) => void;
  setSetting: (key: SettingKey, value: string) => void;
}

const monospace = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** The five keys an S3 external stage needs (sql-reference.md §1.3), plus optional compression. */
export function S3CredentialFields(props: S3CredentialFieldsProps) {
  const { values, errors, secretsSet, setSecret, setSetting } = props;
  const settingProps = (key: SettingKey) => ({
    label: CREDENTIAL_LABELS[key],
    description: key,
    value: values.settings[key],
    error: errors[key],
    'data-testid': `credential-${key}`,
  });
  return (
    <Fieldset legend="Credentials" data-testid="s3-credentials">
      <SimpleGrid cols={2} spacing="md" verticalSpacing="sm">
        {SECRET_KEYS.map((key) => (
          <SecretInput
            key={key}
            label={CREDENTIAL_LABELS[key]}
            description={key}
            value={values.secrets[key]}
            stored={secretsSet.includes(key)}
            error={errors[key]}
            testId={`credential-${key}`}
            onChange={(value) => setSecret(key, value)}
          />
        ))}
        <TextInput
          {...settingProps('AWS_REGION')}
          placeholder="us-east-1"
          onChange={(e) => setSetting('AWS_REGION', e.currentTarget.value)}
        />
        <TextInput
          {...settingProps('ENDPOINT')}
          placeholder="s3.us-east-1.amazonaws.com"
          styles={monospace}
          onChange={(e) => setSetting('ENDPOINT', e.currentTarget.value)}
        />
        <Select
          {...settingProps('PROVIDER')}
          value={values.settings.PROVIDER || null}
          placeholder="Pick a provider"
          data={S3_PROVIDERS}
          allowDeselect={false}
          onChange={(next) => setSetting('PROVIDER', next ?? '')}
        />
        <Select
          {...settingProps('COMPRESSION')}
          label="Compression (optional)"
          value={values.settings.COMPRESSION || null}
          placeholder="auto: by file extension"
          data={COMPRESSIONS}
          clearable
          onChange={(next) => setSetting('COMPRESSION', next ?? '')}
        />
      </SimpleGrid>
    </Fieldset>
  );
}
