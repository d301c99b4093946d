import { Alert, Anchor, Group, Loader, ScrollArea, Stack, Text } from '@mantine/core';

import { errorMessage } from '../../lib/trpc';
import { useEditorStoreApi } from '../store/editor-context';
import { PreviewTable } from './preview-table';
import { sampleNote } from './sample-note';
import { useStagePreview } from './use-stage-preview';

/**
 * The data preview tab: up to 100 rows of the previewed stage's output on a sample, with the
 * column types, a note saying it is a sample, or the database's error on the stage it came from.
 */
export function PreviewPanel() {
  const { request, preview } = useStagePreview();
  const store = useEditorStoreApi();
  const labelOf = (stageId: string) => {
    const label = request?.document.stages.find((s) => s.id === stageId)?.label ?? '';
    return `"${label === '' ? stageId : label}"`;
  };
  if (!request) {
    return (
      <Text size="sm" c="dimmed" p="sm">
        Select a stage or a link and press Preview (Shift+P) to see its rows from a sample of each
        source. Nothing is written.
      </Text>
    );
  }
  const title = `Preview of ${labelOf(request.stageId)}`;
  const { data, error } = preview;
  return (
    <Stack gap={6} p="sm" h="100%" data-testid="preview-panel">
      <Group gap="xs">
        <Text fw={600} size="sm" style={{ flexShrink: 0 }}>
          {title}
        </Text>
        {preview.isPending && <Loader size="xs" aria-label="Reading the sample" />}
        {data?.state === 'succeeded' && !preview.isPending && (
          <Text size="xs" c="dimmed" data-testid="preview-sample-note">
            {sampleNote(data, labelOf)}
          </Text>
        )}
      </Group>
      {error && (
        <Alert color="red" variant="light" p="xs" data-testid="preview-error">
          {errorMessage(error)}
        </Alert>
      )}
      {data?.state === 'failed' && !preview.isPending && (
        <Alert color="red" variant="light" p="xs" data-testid="preview-error">
          {data.stageId !== undefined && (
            <>
              <Anchor
                component="button"
                size="sm"
                onClick={() => store.getState().selectStage(data.stageId)}
              >
                {labelOf(data.stageId)}
              </Anchor>
              {': '}
            </>
          )}
          <span style={{ whiteSpace: 'pre-wrap' }}>{data.error}</span>
        </Alert>
      )}
      {data?.state === 'succeeded' && (
        <ScrollArea
          style={{ flex: 1, minHeight: 0 }}
          type="auto"
          opacity={preview.isPending ? 0.5 : 1}
        >
          {data.columns.length === 0 ? (
            <Text size="sm" c="dimmed">
              This stage outputs no columns.
            </Text>
          ) : (
            <PreviewTable columns={data.columns} rows={data.rows} />
          )}
        </ScrollArea>
      )}
    </Stack>
  );
}
