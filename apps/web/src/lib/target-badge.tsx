import { Badge, Tooltip } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import { trpc } from './trpc';

/** The database flows run on, e.g. "DuckDB 1.5.5", with its location on hover. */
export function TargetBadge() {
  const info = useQuery(trpc.system.info.queryOptions(undefined, { staleTime: Infinity }));
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
        style={{ textTransform: 'none' }}
      >
        {product} {version}
      </Badge>
    </Tooltip>
  );
}
