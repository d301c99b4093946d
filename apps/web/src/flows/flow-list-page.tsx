import { useState } from 'react';
import { Anchor, Button, Group, Table } from '@mantine/core';
import { IconFileUpload, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import { ListPage } from '../lib/list-page';
import { Link } from '../lib/router';
import { RowActions, TimeAgo } from '../lib/table-cells';
import { trpc } from '../lib/trpc';
import { CreateFlowModal } from './create-flow-modal';
import { DeleteFlowModal } from './delete-flow-modal';
import { EmptyFlows } from './empty-flows';
import { ImportFlowModal } from './import-flow-modal';
import { RenameFlowModal } from './rename-flow-modal';
import { useExportFlow } from './use-export-flow';

interface FlowRef {
  id: string;
  name: string;
}

/** The home page: every flow, newest first, with create, import, open, rename, export and delete. */
export function FlowListPage() {
  const flows = useQuery(trpc.flow.list.queryOptions());
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<FlowRef>();
  const [deleting, setDeleting] = useState<FlowRef>();
  const [importing, setImporting] = useState(false);
  const { exportFlow } = useExportFlow();

  const actions = (
    <Group gap="xs">
      <Button
        variant="default"
        data-testid="import-flow-button"
        leftSection={<IconFileUpload size={16} />}
        onClick={() => setImporting(true)}
      >
        Import
      </Button>
      <Button
        data-testid="new-flow-button"
        leftSection={<IconPlus size={16} />}
        onClick={() => setCreating(true)}
      >
        New flow
      </Button>
    </Group>
  );

  return (
    <>
      <ListPage
        title="Flows"
        description="Draw load, transform and export flows; Sluice runs them inside the database."
        action={actions}
        list={flows}
        noun="the flows"
        empty={<EmptyFlows onCreate={() => setCreating(true)} />}
      >
        {(items) => (
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th w={90}>Version</Table.Th>
                <Table.Th w={90}>Stages</Table.Th>
                <Table.Th w={160}>Updated</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((flow) => (
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
                    <TimeAgo at={flow.updatedAt} />
                  </Table.Td>
                  <Table.Td>
                    <RowActions
                      subject={flow.name}
                      actions={[
                        {
                          kind: 'edit',
                          label: 'Rename',
                          testId: 'rename-flow',
                          onClick: () => setRenaming(flow),
                        },
                        {
                          kind: 'download',
                          label: 'Export',
                          testId: 'export-flow',
                          onClick: () => void exportFlow(flow.id),
                        },
                        {
                          kind: 'delete',
                          label: 'Delete',
                          testId: 'delete-flow',
                          onClick: () => setDeleting(flow),
                        },
                      ]}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListPage>
      <CreateFlowModal opened={creating} onClose={() => setCreating(false)} />
      <ImportFlowModal opened={importing} onClose={() => setImporting(false)} />
      <RenameFlowModal flow={renaming} onClose={() => setRenaming(undefined)} />
      <DeleteFlowModal flow={deleting} onClose={() => setDeleting(undefined)} />
    </>
  );
}
