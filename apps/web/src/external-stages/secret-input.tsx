import { Button, Group, Input, PasswordInput, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';

interface SecretInputProps {
  label: string;
  description: string;
  /** The typed secret, or `null` while the stored one is kept. */
  value: string | null;
  /** Whether the server holds this secret, so it can be kept instead of typed again. */
  stored: boolean;
  error: string | undefined;
  testId: string;
  onChange: (value: string | null) => void;
}

/**
 * A secret the server never sends back. While it is kept the field says so and offers to replace
 * it; replacing shows an empty input, never the stored value, which the browser does not have.
 */
export function SecretInput(props: SecretInputProps) {
  const { label, description, value, stored, error, testId, onChange } = props;
  if (value === null) {
    return (
      <Input.Wrapper label={label} description={description} data-testid={testId}>
        <Group gap="xs" mt={4} h={36} wrap="nowrap">
          <IconLock size={16} color="var(--mantine-color-teal-7)" />
          <Text size="sm" data-testid={`${testId}-set`}>
            Secret set
          </Text>
          <Button
            size="compact-sm"
            variant="default"
            ml="auto"
            data-testid={`${testId}-replace`}
            onClick={() => onChange('')}
          >
            Replace
          </Button>
        </Group>
      </Input.Wrapper>
    );
  }
  return (
    <div data-testid={testId}>
      <PasswordInput
        label={label}
        description={description}
        value={value}
        error={error}
        autoComplete="new-password"
        data-autofocus={stored || undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      {stored && (
        <Button
          size="compact-xs"
          variant="subtle"
          mt={4}
          data-testid={`${testId}-keep`}
          onClick={() => onChange(null)}
        >
          Keep the stored secret
        </Button>
      )}
    </div>
  );
}
