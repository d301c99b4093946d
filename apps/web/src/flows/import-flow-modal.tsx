import { useState } from 'react';
import { Alert, Button, FileButton, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { FlowFile, ReadFlowFileResult } from '@sluice/flow';
import { diagnosticLine, formatFlowFileIssue, readFlowFile } from '@sluice/flow';

import { navigate } from '../lib/router';
import { errorMessage, trpc } from '../lib/trpc';
import { FlowNameForm } from './flow-name-form';

interface Chosen {
  fileName: string;
  read: ReadFlowFileResult;
}

/** Problems in a red box: the title says what they stop, each line one problem. */
function Problems({ title, lines }: { title: string; lines: string[] }) {
  return (
    <Alert
      color="red"
      icon={<IconAlertTriangle size={16} />}
      title={title}
      data-testid="import-problems"
    >
      {lines.length > 0 && (
        <List size="sm" spacing={2}>
          {lines.map((line) => (
            <List.Item key={line} data-testid="import-problem">
              {line}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function Summary({ file, migratedFrom }: { file: FlowFile; migratedFrom?: number }) {
  const stages = file.document.stages.length;
  const named = file.externalStages;
  return (
    <Text size="sm" data-testid="import-summary">
      {stages} {stages === 1 ? 'stage' : 'stages'}
      {named.length > 0 && `; external stages ${named.map((name) => `"${name}"`).join(', ')}`}
      {migratedFrom !== undefined &&
        `; written by an older Sluice (version ${migratedFrom}), updated on import`}
      .
    </Text>
  );
}

/**
 * Imports a flow file: the file is checked here as soon as it is chosen, and the server checks
 * what it needs from this Sluice (external stages, stage types); every problem shows before
 * anything is saved. The imported flow opens in the editor.
 */
export function ImportFlowModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Chosen>();
  const importFile = useMutation(
    trpc.flow.importFile.mutationOptions({
      onSuccess: async (flow) => {
        await queryClient.invalidateQueries({ queryKey: trpc.flow.list.queryKey() });
        navigate(`/flows/${encodeURIComponent(flow.id)}`);
      },
    }),
  );
  const close = () => {
    setChosen(undefined);
    importFile.reset();
    onClose();
  };
  const choose = (file: File | null) => {
    importFile.reset();
    if (file === null) return;
    void file.text().then((text) => setChosen({ fileName: file.name, read: readFlowFile(text) }));
  };
  const read = chosen?.read;
  const refusal = importFile.error;
  return (
    <Modal opened={opened} onClose={close} title="Import a flow" centered size="lg">
      <Stack>
        <FileButton onChange={choose} accept=".json,application/json">
          {(props) => (
            <Button
              {...props}
              variant="default"
              leftSection={<IconFileUpload size={16} />}
              data-testid="import-choose-file"
            >
              {chosen === undefined
                ? 'Choose a .sluice.json file'
                : `${chosen.fileName} (choose another)`}
            </Button>
          )}
        </FileButton>
        {read !== undefined && !read.ok && (
          <Problems
            title={`${chosen?.fileName ?? 'The file'} is not a flow file Sluice can read`}
            lines={read.issues.map(formatFlowFileIssue)}
          />
        )}
        {read?.ok && (
          <>
            <Summary
              file={read.file}
              {...(read.migratedFrom === undefined ? {} : { migratedFrom: read.migratedFrom })}
            />
            {refusal && (
              <Problems
                title={errorMessage(refusal)}
                lines={(refusal.data?.diagnostics ?? []).map((d) =>
                  diagnosticLine(d, read.file.document),
                )}
              />
            )}
            <FlowNameForm
              key={chosen?.fileName}
              initialName={read.file.name}
              submitLabel="Import"
              testIds={{ input: 'import-name-input', submit: 'import-submit' }}
              pending={importFile.isPending}
              serverError={undefined}
              onEdit={importFile.reset}
              onSubmit={(name) => importFile.mutate({ file: read.file, name })}
              onCancel={close}
            />
          </>
        )}
      </Stack>
    </Modal>
  );
}
