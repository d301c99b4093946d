import { AppShell, Box } from '@mantine/core';

import { BottomPanel } from './bottom-panel';
import { FlowCanvas } from './canvas/flow-canvas';
import { StageInspector } from './inspector/stage-inspector';
import { StagePalette } from './palette/stage-palette';
import { PastRunBanner } from './past-run/past-run-banner';
import { useEditorStore } from './store/editor-context';
import { selectIsReadOnly } from './store/selectors';
import { EditorToolbar } from './toolbar/editor-toolbar';
import { useDetectedColumns } from './use-detected-columns';
import { usePreviewEnvironment } from './use-preview-environment';

const HEADER = 56;
const RUN_PANEL = 280;

/**
 * Toolbar on top, palette left, canvas centre with the run and preview panel under it, inspector
 * right. A past run has no palette, since nothing can be added to it, and a banner over its canvas.
 */
export function EditorLayout() {
  usePreviewEnvironment();
  useDetectedColumns();
  const readOnly = useEditorStore(selectIsReadOnly);
  return (
    <AppShell
      header={{ height: HEADER }}
      navbar={{ width: 220, breakpoint: 0, collapsed: { desktop: readOnly, mobile: readOnly } }}
      aside={{ width: 340, breakpoint: 0 }}
      padding={0}
    >
      <AppShell.Header>
        <EditorToolbar />
      </AppShell.Header>
      <AppShell.Navbar>
        <StagePalette />
      </AppShell.Navbar>
      <AppShell.Aside>
        <StageInspector />
      </AppShell.Aside>
      <AppShell.Main h="100dvh" style={{ display: 'flex', flexDirection: 'column' }}>
        <PastRunBanner />
        <Box style={{ flex: 1, minHeight: 0 }}>
          <FlowCanvas />
        </Box>
        <Box
          h={RUN_PANEL}
          style={{ flexShrink: 0, borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <BottomPanel />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
