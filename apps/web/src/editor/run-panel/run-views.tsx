import { useState } from 'react';
import { Tabs } from '@mantine/core';

import type { RunDetail } from '../store/run-types';
import { PeekRows } from './peek-rows';
import { RunStageTable } from './run-stage-table';
import { RunStatements } from './run-statements';
import { RunTimeline } from './run-timeline';

type RunView = 'stages' | 'statements' | 'timeline';

/** The watched run three ways: its stages, the statements it sent, and a timeline. */
export function RunViews({ run }: { run: RunDetail }) {
  const [view, setView] = useState<RunView>('stages');
  return (
    <Tabs value={view} onChange={(next) => setView((next as RunView | null) ?? 'stages')}>
      <Tabs.List>
        <Tabs.Tab value="stages" data-testid="run-view-stages">
          Stages
        </Tabs.Tab>
        <Tabs.Tab value="statements" data-testid="run-view-statements">
          Statements{run.live ? ` (${String(run.live.statements.length)})` : ''}
        </Tabs.Tab>
        <Tabs.Tab value="timeline" data-testid="run-view-timeline">
          Timeline
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="stages" pt={4}>
        <RunStageTable runId={run.id} stages={run.stages} />
        <PeekRows run={run} />
      </Tabs.Panel>
      <Tabs.Panel value="statements" pt="xs">
        <RunStatements run={run} />
      </Tabs.Panel>
      <Tabs.Panel value="timeline" pt="xs">
        <RunTimeline run={run} />
      </Tabs.Panel>
    </Tabs>
  );
}
