import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconPlus, IconTopologyStar3 } from '@tabler/icons-react';

/** What a first visit sees: what a flow is and one button to draw one. */
export function EmptyFlows({ onCreate }: { onCreate: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" py="xl">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconTopologyStar3 size={30} />
        </ThemeIcon>
        <Title order={3}>No flows yet</Title>
        <Text c="dimmed" ta="center" maw={440}>
          A flow loads files, transforms them and writes tables or exports, all as SQL inside the
          database. Create your first one and draw it on the canvas.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate} mt="sm">
          Create your first flow
        </Button>
      </Stack>
    </Paper>
  );
}
