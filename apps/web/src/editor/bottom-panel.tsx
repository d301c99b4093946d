import { useEffect } from 'react';
import { Tabs } from '@mantine/core';

import type { BottomTab } from './store/data-preview.slice';
import { PreviewPanel } from './data-preview/preview-panel';
import { RunPanel } from './run-panel/run-panel';
import { useEditorStore } from './store/editor-context';
import { selectBottomTab, selectStarting } from './store/selectors';
import { VersionsPanel } from './versions/versions-panel';

/** The panel under the canvas: the run, the data preview and the flow's saved versions. */
export function BottomPanel() {
  const tab = useEditorStore(selectBottomTab);
  const showBottomTab = useEditorStore((s) => s.showBottomTab);
  const starting = useEditorStore(selectStarting);
  // Pressing Run shows the run, whichever tab was open.
  useEffect(() => {
    if (starting) showBottomTab('run');
  }, [starting, showBottomTab]);
  return (
    <Tabs
      value={tab}
      onChange={(value) => showBottomTab((value ?? 'run') as BottomTab)}
      h="100%"
      style={{ display: 'flex', flexDirection: 'column' }}
    >
      <Tabs.List>
        <Tabs.Tab value="run" data-testid="tab-run">
          Run
        </Tabs.Tab>
        <Tabs.Tab value="preview" data-testid="tab-preview">
          Preview
        </Tabs.Tab>
        <Tabs.Tab value="versions" data-testid="tab-versions">
          Versions
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="run" style={{ flex: 1, minHeight: 0 }}>
        <RunPanel />
      </Tabs.Panel>
      <Tabs.Panel value="preview" style={{ flex: 1, minHeight: 0 }}>
        <PreviewPanel />
      </Tabs.Panel>
      {/* Mounted only while shown, so the list is fetched when someone looks at it. */}
      <Tabs.Panel value="versions" style={{ flex: 1, minHeight: 0 }}>
        {tab === 'versions' && <VersionsPanel />}
      </Tabs.Panel>
    </Tabs>
  );
}
