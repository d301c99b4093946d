import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFolders, IconPlus } from '@tabler/icons-react';

/** What the page says before any external stage exists: what one is and how to add it. */
export function EmptyExternalStages({ onCreate }: { onCreate: () => void }) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="external-stages-empty">
      <Stack align="center" gap="sm" py="xl">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconFolders size={30} />
        </ThemeIcon>
        <Title order={3}>No external stages yet</Title>
        <Text c="dimmed" ta="center" maw={480}>
          An external stage is a named storage location (a folder on the server, an S3 bucket, or a
          folder inside another external stage) that flows read files from and write exports to.
          Stages refer to it as <code>stage://name/path</code>, so moving the files later means
          editing one URL, not every flow.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={onCreate} mt="sm">
          Create an external stage
        </Button>
      </Stack>
    </Paper>
  );
}
