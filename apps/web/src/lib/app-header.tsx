import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconTopologyStar3 } from '@tabler/icons-react';

import { ExternalStagesLink } from './external-stages-link';
import { Link } from './router';
import { TargetBadge } from './target-badge';
import { ThemeToggle } from './theme-toggle';

/** The header of the flow list and the external stages page: brand, links, target, theme. */
export function AppHeader() {
  return (
    <Group
      justify="space-between"
      px="lg"
      h={56}
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Link href="/" style={{ textDecoration: 'none', color: 'inherit' }}>
        <Group gap="xs">
          <ThemeIcon variant="light" radius="md">
            <IconTopologyStar3 size={18} />
          </ThemeIcon>
          <Text fw={700} size="lg">
            Sluice
          </Text>
        </Group>
      </Link>
      <Group gap="sm">
        <ExternalStagesLink />
        <TargetBadge />
        <ThemeToggle />
      </Group>
    </Group>
  );
}
