import { Button } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';

import { Link, usePath } from './router';

/** The header link to the external stages page, shown on the flow list and in the editor. */
export function ExternalStagesLink() {
  const here = usePath().startsWith('/external-stages');
  return (
    <Button
      component={Link}
      href="/external-stages"
      variant={here ? 'light' : 'subtle'}
      color={here ? undefined : 'gray'}
      aria-current={here ? 'page' : undefined}
      leftSection={<IconFolders size={16} />}
      data-testid="external-stages-link"
    >
      External stages
    </Button>
  );
}
