import { Code, Popover, Text, UnstyledButton } from '@mantine/core';

import type { RouterOutputs } from '@sluice/server';

type Succeeded = Extract<RouterOutputs['data']['preview'], { state: 'succeeded' }>;
export type CellValue = Succeeded['rows'][number][number];

/** Text longer than this is cut in the table; the whole value opens on click. */
const SHOWN_CHARS = 80;

/**
 * One value as the target returned it: NULL as a dimmed NULL, the empty string as a dimmed
 * `''`, so the two never look alike, and long text cut with the full value a click away.
 */
export function PreviewCell({ value }: { value: CellValue }) {
  if (value === null) {
    return (
      <Text span size="xs" c="dimmed" fs="italic" data-testid="cell-null">
        NULL
      </Text>
    );
  }
  if (value === '') {
    return (
      <Text span size="xs" c="dimmed" title="Empty text" data-testid="cell-empty">
        &apos;&apos;
      </Text>
    );
  }
  const text = String(value);
  if (text.length <= SHOWN_CHARS) return <>{text}</>;
  return (
    <Popover width={480} position="bottom-start" shadow="md" withinPortal>
      <Popover.Target>
        <UnstyledButton
          fz="inherit"
          data-testid="cell-long"
          aria-label="Show the whole value"
          style={{ textDecoration: 'underline dotted' }}
        >
          {text.slice(0, SHOWN_CHARS)}…
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Code
          block
          mah={320}
          style={{ overflow: 'auto', whiteSpace: 'pre-wrap' }}
          data-testid="cell-full"
        >
          {text}
        </Code>
      </Popover.Dropdown>
    </Popover>
  );
}
