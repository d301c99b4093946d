import type { XYPosition } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

import type { StageCategory } from '@sluice/stages';
import { CATEGORY_ORDER, stageList } from '@sluice/stages';

import type { StageFlowNode } from '../store/stage-node-model';
import { useViewCentre } from '../canvas/use-view-centre';
import { useEditorStore, useEditorStoreApi } from '../store/editor-context';
import { selectAddStage } from '../store/selectors';
import { PaletteItem } from './palette-item';
import { matchStages } from './stage-search';

const CATEGORY_LABEL: Record<StageCategory, string> = {
  origin: 'Origins',
  processor: 'Processors',
  destination: 'Destinations',
  executor: 'Executors',
};

const ALL_STAGES = stageList();

/** The matching stage types grouped by category, in palette order. */
const groupsOf = (query: string) => {
  const matches = matchStages(ALL_STAGES, query);
  return CATEGORY_ORDER.map((category) => ({
    category,
    stages: matches.filter((s) => s.category === category),
  })).filter((group) => group.stages.length > 0);
};

/** The first spot at or below `at` where a new node covers no other, so clicks stack neatly. */
function freeSpot(nodes: readonly StageFlowNode[], at: XYPosition): XYPosition {
  const taken = (y: number) =>
    nodes.some((n) => Math.abs(n.position.x - at.x) < 210 && Math.abs(n.position.y - y) < 80);
  let y = at.y;
  for (let tries = 0; tries < 20 && taken(y); tries += 1) y += 90;
  return { x: at.x, y };
}

/**
 * The stage types to drag onto the canvas, or click to add at the centre of the view; typing
 * filters them and Enter adds the first match.
 */
export function StagePalette() {
  const addStage = useEditorStore(selectAddStage);
  const store = useEditorStoreApi();
  const viewCentre = useViewCentre();
  const [query, setQuery] = useState('');
  const groups = groupsOf(query);

  const addAtCentre = useCallback(
    (type: string) => {
      const centre = viewCentre();
      addStage(type, freeSpot(store.getState().nodes, { x: centre.x - 105, y: centre.y - 28 }));
    },
    [addStage, store, viewCentre],
  );

  return (
    <ScrollArea h="100%" type="auto">
      <Stack gap="md" p="sm">
        <TextInput
          placeholder="Search stages"
          aria-label="Search stages"
          data-testid="palette-search"
          size="xs"
          leftSection={<IconSearch size={14} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            const first = groups[0]?.stages[0];
            if (event.key === 'Enter' && first) addAtCentre(first.type);
            if (event.key === 'Escape') setQuery('');
          }}
        />
        {groups.length === 0 && (
          <Text size="xs" c="dimmed" px={4}>
            No stage matches “{query}”.
          </Text>
        )}
        {groups.map((group) => (
          <Stack key={group.category} gap={4}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px={4}>
              {CATEGORY_LABEL[group.category]}
            </Text>
            {group.stages.map((definition) => (
              <PaletteItem key={definition.type} definition={definition} onAdd={addAtCentre} />
            ))}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}
