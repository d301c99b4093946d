import { ActionIcon, Button, Tooltip } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';

import { Link, usePath } from './router';

const LABEL = 'External stages';

/**
 * The header link to the external stages page, shown on the flow list and in the editor;
 * `compact` draws only its icon (with the name on hover), for a toolbar short of room.
 */
export function ExternalStagesLink({ compact = false }: { compact?: boolean }) {
  const here = usePath().startsWith('/external-stages');
  const look = {
    component: Link,
    href: '/external-stages',
    variant: here ? 'light' : 'subtle',
    color: here ? undefined : 'gray',
    'aria-current': here ? ('page' as const) : undefined,
    'data-testid': 'external-stages-link',
  };
  if (compact) {
    return (
      <Tooltip label={LABEL}>
        <ActionIcon {...look} size="lg" aria-label={LABEL}>
          <IconFolders size={18} />
        </ActionIcon>
      </Tooltip>
    );
  }
  return (
    <Button {...look} leftSection={<IconFolders size={16} />}>
      {LABEL}
    </Button>
  );
}
