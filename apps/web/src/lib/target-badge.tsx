import { Badge, Tooltip } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';

import { useSystemInfo } from './system-info';

/** The database flows run on, e.g. "MariaDB 10.11.19", with its location on hover. */
export function TargetBadge() {
  const info = useSystemInfo();
  if (!info.data) return null;
  const { product, version, location } = info.data.target;
  return (
    <Tooltip label={`Target: ${location}`}>
      <Badge
        variant="light"
        color="gray"
        size="lg"
        leftSection={<IconDatabase size={14} />}
        data-testid="target-badge"
        data-location={location}
        style={{ textTransform: 'none' }}
      >
        {product} {version}
      </Badge>
    </Tooltip>
  );
}
