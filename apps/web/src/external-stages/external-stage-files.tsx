import { ActionIcon, Alert, Loader, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

import { accessToken } from '../lib/access-token';
import { formatBytes } from '../lib/format';
import { TimeAgo } from '../lib/table-cells';
import { errorMessage, trpc } from '../lib/trpc';

/**
 * Where a file downloads from; a plain link cannot send the token in a header, so it goes in
 * the query, as for run events.
 */
function downloadUrl(name: string, path: string): string {
  const token = accessToken === undefined ? '' : `&token=${encodeURIComponent(accessToken)}`;
  return `/files/${encodeURIComponent(name)}?path=${encodeURIComponent(path)}${token}`;
}

/** The files in one external stage's folder, with size, modified time and a download. */
export function ExternalStageFiles({ name }: { name: string }) {
  const files = useQuery(trpc.externalStage.files.queryOptions({ name }));
  if (files.isPending) return <Loader size="sm" m="sm" />;
  if (files.isError) {
    return (
      <Alert color="red" icon={<IconAlertTriangle />} title="Could not list the files" m="xs">
        {errorMessage(files.error)}
      </Alert>
    );
  }
  if (files.data.length === 0) {
    return (
      <Text size="sm" c="dimmed" p="sm" data-testid="external-stage-no-files">
        The folder is empty. Files dropped into it show here; exports write into it.
      </Text>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={4} data-testid="external-stage-files">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>File</Table.Th>
          <Table.Th w={110} ta="right">
            Size
          </Table.Th>
          <Table.Th w={160}>Modified</Table.Th>
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.data.map((file) => (
          <Table.Tr key={file.path} data-testid="external-stage-file" data-path={file.path}>
            <Table.Td ff="monospace">{file.path}</Table.Td>
            <Table.Td ta="right">{formatBytes(file.size)}</Table.Td>
            <Table.Td>
              <TimeAgo at={file.modifiedAt} />
            </Table.Td>
            <Table.Td>
              <Tooltip label="Download">
                <ActionIcon
                  component="a"
                  href={downloadUrl(name, file.path)}
                  download
                  variant="subtle"
                  color="gray"
                  size="sm"
                  aria-label={`Download ${file.path}`}
                  data-testid="download-file"
                >
                  <IconDownload size={14} />
                </ActionIcon>
              </Tooltip>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
