import { useState } from 'react';
import { ActionIcon, Badge, Button, Divider, Group, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import {
  IconAdjustments,
  IconArrowBackUp,
  IconArrowForwardUp,
  IconArrowLeft,
  IconCode,
  IconDeviceFloppy,
  IconDownload,
  IconPlayerPlay,
  IconPlayerStop,
  IconSitemap,
} from '@tabler/icons-react';

import { useExportFlow } from '../../flows/use-export-flow';
import { ExternalStagesLink } from '../../lib/external-stages-link';
import { navigate } from '../../lib/router';
import { TargetBadge } from '../../lib/target-badge';
import { ThemeToggle } from '../../lib/theme-toggle';
import { ParametersModal } from '../parameters/parameters-modal';
import { RunParametersDialog } from '../parameters/run-parameters-dialog';
import { ShortcutSheet } from '../shortcuts/shortcut-sheet';
import { shortcutLabel } from '../shortcuts/shortcut-table';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { useEditorStore } from '../store/editor-context';
import { isTerminal } from '../store/run-types';
import {
  selectCanRedo,
  selectCanUndo,
  selectFlowId,
  selectIsDirty,
  selectIsReadOnly,
  selectRun,
  selectStarting,
} from '../store/selectors';
import { ConflictModal } from './conflict-modal';
import { FlowTitle } from './flow-title';
import { PartialRunDialog } from './partial-run-dialog';
import { useConfirmedRun } from './run-confirm-modal';
import { SqlDrawer } from './sql-drawer';
import { UnsavedChangesGuard } from './unsaved-changes-guard';
import { useRunFlow } from './use-run-flow';
import { useSaveFlow } from './use-save-flow';

/** The editor's header: back, title, dirty marker, history, SQL, export, save, run, target, theme. */
export function EditorToolbar() {
  const isDirty = useEditorStore(selectIsDirty);
  const canUndo = useEditorStore(selectCanUndo);
  const canRedo = useEditorStore(selectCanRedo);
  const run = useEditorStore(selectRun);
  const starting = useEditorStore(selectStarting);
  const readOnly = useEditorStore(selectIsReadOnly);
  const undo = useEditorStore((s) => s.undo);
  const redo = useEditorStore((s) => s.redo);
  const autoLayout = useEditorStore((s) => s.autoLayout);
  const { save, saving, conflict, reload, saveCopy, dismissConflict } = useSaveFlow();
  const { start, cancel } = useRunFlow(save);
  const confirmedRun = useConfirmedRun(start);
  const [sqlOpen, setSqlOpen] = useState(false);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [choosingValues, setChoosingValues] = useState(false);
  const hasParameters = useEditorStore((s) => s.parameters.length > 0);
  const flowId = useEditorStore(selectFlowId);
  // A past run's view exports the version that run ran, the one on the canvas.
  const shownVersion = useEditorStore((s) => s.pastRun?.version);
  const { exportFlow, exporting } = useExportFlow();
  // Below 1280 px the buttons would squeeze their own labels; the header link gives way instead.
  const roomy = useMediaQuery('(min-width: 80em)', true);
  const running = starting || (run !== undefined && !isTerminal(run.state));

  useShortcuts('toolbar', {
    save: () => void save(),
    undo,
    redo,
    run: () => {
      if (!readOnly && !running) void confirmedRun.request();
    },
  });

  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Tooltip label="Back to the flows">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label="Back to the flows"
            onClick={() => navigate('/')}
          >
            <IconArrowLeft size={18} />
          </ActionIcon>
        </Tooltip>
        <FlowTitle />
        {isDirty && (
          <Badge color="yellow" variant="light" data-testid="dirty-indicator">
            Unsaved
          </Badge>
        )}
      </Group>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {!readOnly && (
          <>
            <ActionIcon.Group>
              <Tooltip label={`Undo (${shortcutLabel('undo')})`}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Undo"
                  data-testid="undo-button"
                  disabled={!canUndo}
                  onClick={undo}
                >
                  <IconArrowBackUp size={18} />
                </ActionIcon>
              </Tooltip>
              <Tooltip label={`Redo (${shortcutLabel('redo')})`}>
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label="Redo"
                  data-testid="redo-button"
                  disabled={!canRedo}
                  onClick={redo}
                >
                  <IconArrowForwardUp size={18} />
                </ActionIcon>
              </Tooltip>
            </ActionIcon.Group>
            <Tooltip label="Flow settings: parameters">
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Flow settings"
                data-testid="flow-settings-button"
                onClick={() => setSettingsOpen(true)}
              >
                <IconAdjustments size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={`Auto-layout (${shortcutLabel('auto-layout')})`}>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label="Auto-layout"
                data-testid="auto-layout-button"
                onClick={autoLayout}
              >
                <IconSitemap size={18} style={{ transform: 'rotate(-90deg)' }} />
              </ActionIcon>
            </Tooltip>
          </>
        )}
        {/* A past run's SQL can still be read; only editing, saving and running are gone. */}
        <Button
          variant="default"
          leftSection={<IconCode size={16} />}
          data-testid="sql-button"
          onClick={() => setSqlOpen(true)}
        >
          SQL
        </Button>
        <Tooltip
          label={
            isDirty
              ? 'Export the saved version (save first to include your changes)'
              : 'Export as a file'
          }
        >
          <ActionIcon
            variant="default"
            size="lg"
            aria-label="Export"
            data-testid="export-button"
            loading={exporting !== undefined}
            onClick={() => void exportFlow(flowId, shownVersion)}
          >
            <IconDownload size={18} />
          </ActionIcon>
        </Tooltip>
        {!readOnly && (
          <>
            <Button
              variant="default"
              leftSection={<IconDeviceFloppy size={16} />}
              data-testid="save-button"
              loading={saving}
              onClick={() => void save()}
            >
              Save
            </Button>
            {running ? (
              <Button
                color="red"
                variant="light"
                leftSection={<IconPlayerStop size={16} />}
                data-testid="cancel-run-button"
                disabled={!run}
                onClick={() => void cancel()}
              >
                Cancel
              </Button>
            ) : (
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                data-testid="run-button"
                onClick={() =>
                  hasParameters ? setChoosingValues(true) : void confirmedRun.request()
                }
              >
                Run
              </Button>
            )}
          </>
        )}
        <Divider orientation="vertical" />
        <ExternalStagesLink compact={!roomy} />
        <TargetBadge />
        <ThemeToggle />
      </Group>
      <ConflictModal
        message={conflict}
        onReload={reload}
        onSaveCopy={saveCopy}
        onClose={dismissConflict}
      />
      <SqlDrawer opened={sqlOpen} onClose={() => setSqlOpen(false)} />
      <ParametersModal opened={settingsOpen} onClose={() => setSettingsOpen(false)} />
      <RunParametersDialog
        opened={choosingValues}
        onClose={() => setChoosingValues(false)}
        onRun={(values) => void confirmedRun.request(undefined, values)}
      />
      <PartialRunDialog onRun={(stageIds) => void confirmedRun.request(stageIds)} />
      {confirmedRun.modal}
      <UnsavedChangesGuard save={save} />
      <ShortcutSheet />
    </Group>
  );
}
