import { useState } from 'react';
import { Button, Group, Table } from '@mantine/core';
import { IconDatabaseImport, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import type { ExternalStageDraft } from './external-stage-modal';
import { ListPage } from '../lib/list-page';
import { useSystemInfo } from '../lib/system-info';
import { trpc } from '../lib/trpc';
import { DeleteExternalStageModal } from './delete-external-stage-modal';
import { EmptyExternalStages } from './empty-external-stages';
import { ExternalStageModal } from './external-stage-modal';
import { ExternalStageRow } from './external-stage-row';
import { ServerStagesModal } from './server-stages-modal';

/**
 * Every external stage with create, edit, delete, turning it off and on, and a preview of each
 * folder's files; on MatrixOne also the server's own stages, to adopt.
 */
export function ExternalStagesPage() {
  const stages = useQuery(trpc.externalStage.list.queryOptions());
  const [editing, setEditing] = useState<ExternalStageDraft>();
  const [deleting, setDeleting] = useState<string>();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [adopting, setAdopting] = useState(false);
  // Only MatrixOne has stages of its own to list and adopt.
  const onMatrixOne = useSystemInfo().data?.target.dialect === 'matrixone';

  const toggle = (name: string) =>
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(name)) next.add(name);
      return next;
    });

  const create = () => setEditing('new');
  return (
    <>
      <ListPage
        title="External stages"
        description="Named storage locations (folders, S3 buckets, sub-stages) that flows read files from and write exports to."
        action={
          <Group gap="xs">
            {onMatrixOne && (
              <Button
                variant="default"
                data-testid="server-stages-button"
                leftSection={<IconDatabaseImport size={16} />}
                onClick={() => setAdopting(true)}
              >
                Stages on the server
              </Button>
            )}
            <Button
              data-testid="new-external-stage-button"
              leftSection={<IconPlus size={16} />}
              onClick={create}
            >
              New external stage
            </Button>
          </Group>
        }
        list={stages}
        noun="the external stages"
        empty={<EmptyExternalStages onCreate={create} />}
      >
        {(items) => (
          <Table verticalSpacing="sm" horizontalSpacing="md">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th w={180}>Name</Table.Th>
                <Table.Th w={110}>Kind</Table.Th>
                <Table.Th>URL</Table.Th>
                <Table.Th>Comment</Table.Th>
                <Table.Th w={130}>Status</Table.Th>
                <Table.Th w={150}>Updated</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((stage) => (
                <ExternalStageRow
                  key={stage.name}
                  stage={stage}
                  expanded={expanded.has(stage.name)}
                  actions={{
                    onToggle: () => toggle(stage.name),
                    onEdit: () => setEditing(stage),
                    onDelete: () => setDeleting(stage.name),
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListPage>
      <ExternalStageModal draft={editing} onClose={() => setEditing(undefined)} />
      <DeleteExternalStageModal name={deleting} onClose={() => setDeleting(undefined)} />
      <ServerStagesModal opened={adopting} onClose={() => setAdopting(false)} />
    </>
  );
}
