import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Container,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import { AppHeader } from '../lib/app-header';
import { fullTime, timeAgo } from '../lib/format';
import { Link } from '../lib/router';
import { errorMessage, trpc } from '../lib/trpc';
import { CreateFlowModal } from './create-flow-modal';
import { DeleteFlowModal } from './delete-flow-modal';
import { EmptyFlows } from './empty-flows';
import { RenameFlowModal } from './rename-flow-modal';

interface FlowRef {
  id: string;
  name: string;
}

/** The home page: every flow, newest first, with create, open, rename and delete. */
export function FlowListPage() {
  const flows = useQuery(trpc.flow.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowRef>();
  const [deleting, setDeleting] = useState<FlowRef>();

  const newFlow = (
    <Button
      data-testid="new-flow-button"
      leftSection={<IconPlus size={16} />}
      onClick={() => setCreating(true)}
    >
      New flow
    </Button>
  );

  return (
    <>
      <AppHeader />
      <Container size="lg" py="xl">
        <Group justify="space-between" mb="lg">
          <Stack gap={2}>
            <Title order={2}>Flows</Title>
            <Text c="dimmed" size="sm">
              Draw load, transform and export flows; Sluice runs them inside the database.
            </Text>
          </Stack>
          {newFlow}
        </Group>
        {flows.isPending && <Loader />}
        {flows.isError && (
          <Alert color="red" icon={<IconAlertTriangle />} title="Could not load the flows">
            {errorMessage(flows.error)}
          </Alert>
        )}
        {flows.data?.length === 0 && <EmptyFlows onCreate={() => setCreating(true)} />}
        {flows.data && flows.data.length > 0 && (
          <Paper withBorder radius="md">
            <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th w={90}>Version</Table.Th>
                  <Table.Th w={90}>Stages</Table.Th>
                  <Table.Th w={160}>Updated</Table.Th>
                  <Table.Th w={100} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {flows.data.map((flow) => (
                  <Table.Tr key={flow.id} data-testid="flow-row" data-flow-name={flow.name}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        href={`/flows/${encodeURIComponent(flow.id)}`}
                        data-testid="open-flow"
                        fw={500}
                      >
                        {flow.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{flow.version}</Table.Td>
                    <Table.Td>{flow.stageCount}</Table.Td>
                    <Table.Td>
                      <Tooltip label={fullTime(flow.updatedAt)}>
                        <Text size="sm" c="dimmed" span>
                          {timeAgo(flow.updatedAt)}
                        </Text>
                      </Tooltip>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Tooltip label="Rename">
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`Rename ${flow.name}`}
                            data-testid="rename-flow"
                            onClick={() => setRenaming(flow)}
                          >
                            <IconPencil size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label="Delete">
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${flow.name}`}
                            data-testid="delete-flow"
                            onClick={() => setDeleting(flow)}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
      </Container>
      <CreateFlowModal opened={creating} onClose={() => setCreating(false)} />
      <RenameFlowModal flow={renaming} onClose={() => setRenaming(undefined)} />
      <DeleteFlowModal flow={deleting} onClose={() => setDeleting(undefined)} />
    </>
  );
}
