import { Alert, Badge, Button, Modal, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { errorMessage, trpc } from '../lib/trpc';

interface ServerStagesModalProps {
  opened: boolean;
  onClose: () => void;
}

/**
 * The stages that exist on the MatrixOne server (SHOW STAGES), each adoptable into Sluice as it
 * is: nothing is created or changed on the server. MatrixOne never shows a stage's credentials,
 * so an adopted S3 stage has none in Sluice until someone enters them by editing it.
 */
export function ServerStagesModal({ opened, onClose }: ServerStagesModalProps) {
  const queryClient = useQueryClient();
  const listed = useQuery({ ...trpc.externalStage.serverStages.queryOptions(), enabled: opened });
  const adopt = useMutation(
    trpc.externalStage.adopt.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.externalStage.pathKey() }),
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Stages on the MatrixOne server" size="xl">
      <Stack>
        <Alert color="blue" icon={<IconInfoCircle size={16} />}>
          Adopting a stage records it in Sluice as MatrixOne has it. MatrixOne never shows a
          stage&apos;s credentials: the server keeps using its own, and Sluice has none until you
          edit the stage and enter them, which also sends them to MatrixOne.
        </Alert>
        {listed.isError && <Text c="red">{errorMessage(listed.error)}</Text>}
        {adopt.isError && (
          <Text c="red" data-testid="adopt-error">
            {errorMessage(adopt.error)}
          </Text>
        )}
        {listed.data?.length === 0 && (
          <Text c="dimmed">The server has no stages of this account.</Text>
        )}
        {listed.data && listed.data.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>URL</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Comment</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {listed.data.map((stage) => (
                <Table.Tr key={stage.name} data-testid="server-stage-row" data-name={stage.name}>
                  <Table.Td fw={500}>{stage.name}</Table.Td>
                  <Table.Td>
                    <Text ff="monospace" fz="sm" style={{ wordBreak: 'break-all' }}>
                      {stage.url}
                    </Text>
                  </Table.Td>
                  <Table.Td>{stage.enabled ? 'In use' : 'Disabled'}</Table.Td>
                  <Table.Td>{stage.comment || '—'}</Table.Td>
                  <Table.Td>
                    {stage.adopted ? (
                      <Badge variant="light" color="gray">
                        In Sluice
                      </Badge>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        loading={adopt.isPending && adopt.variables.name === stage.name}
                        onClick={() => adopt.mutate({ name: stage.name })}
                      >
                        Adopt
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Modal>
  );
}
