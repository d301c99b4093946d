import { Stack, Text } from '@mantine/core';

import type { Diagnostic } from '@sluice/flow';

/** The problems of one row of a list field, right under it: errors red, warnings yellow. */
export function RowMessages({ issues, testId }: { issues: readonly Diagnostic[]; testId: string }) {
  if (issues.length === 0) return null;
  return (
    <Stack gap={2}>
      {issues.map((d) => (
        <Text
          key={`${d.code}:${d.message}`}
          size="xs"
          c={d.severity === 'error' ? 'red' : 'yellow.8'}
          data-testid={testId}
        >
          {d.message}
        </Text>
      ))}
    </Stack>
  );
}
