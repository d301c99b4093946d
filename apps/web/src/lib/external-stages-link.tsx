import { Button } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';

import { Link } from './router';

/** The header link to the external stages page, shown on the flow list and in the editor. */
export function ExternalStagesLink() {
  return (
    <Button
      component={Link}
      href="/external-stages"
      variant="subtle"
      color="gray"
      leftSection={<IconFolders size={16} />}
      data-testid="external-stages-link"
    >
      External stages
    </Button>
  );
}
