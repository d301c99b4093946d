import { useState } from 'react';
import { Group, Modal, Stack, Text, TextInput, ThemeIcon, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

import { stageList } from '@sluice/stages';

import { StageIcon } from '../../lib/stage-icon';
import classes from '../palette/palette-item.module.css';
import { matchStages } from '../palette/stage-search';
import { useEditorStoreApi } from '../store/editor-context';

/** Only a stage with an input and an output can sit inside a link. */
const INSERTABLE = stageList().filter(
  (d) => d.ports.inputs.length > 0 && d.ports.outputs.length > 0,
);

/**
 * Picks a stage type to insert into a link, found by typing as in the palette; Enter takes the
 * first match. The stage lands halfway along the link, as a drop on it would insert it.
 */
export function InsertStageDialog({ edgeId, onClose }: { edgeId?: string; onClose: () => void }) {
  const store = useEditorStoreApi();
  const [query, setQuery] = useState('');
  const matches = matchStages(INSERTABLE, query);
  const close = () => {
    setQuery('');
    onClose();
  };
  const insert = (type: string) => {
    const { edges, nodes, insertStageIntoLink } = store.getState();
    const edge = edges.find((e) => e.id === edgeId);
    const ends = nodes.filter((n) => n.id === edge?.source || n.id === edge?.target);
    if (edge && ends.length === 2) {
      const x = ends.reduce((sum, n) => sum + n.position.x, 0) / 2;
      const y = ends.reduce((sum, n) => sum + n.position.y, 0) / 2;
      insertStageIntoLink(type, { x, y }, edge.id);
    }
    close();
  };
  return (
    <Modal
      opened={edgeId !== undefined}
      onClose={close}
      title="Insert a stage into the link"
      data-testid="insert-stage-dialog"
    >
      <Stack gap="xs">
        <TextInput
          placeholder="Search stages"
          aria-label="Search stages to insert"
          data-autofocus
          leftSection={<IconSearch size={14} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            const first = matches[0];
            if (event.key === 'Enter' && first) insert(first.type);
          }}
        />
        {matches.length === 0 && (
          <Text size="xs" c="dimmed">
            No stage that fits inside a link matches “{query}”.
          </Text>
        )}
        {matches.map((definition) => (
          <UnstyledButton
            key={definition.type}
            className={classes.item}
            style={{ cursor: 'pointer' }}
            data-testid={`insert-${definition.type}`}
            onClick={() => insert(definition.type)}
          >
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon variant="light" radius="md" size="md">
                <StageIcon name={definition.ui.icon} size={16} />
              </ThemeIcon>
              <Text size="sm">{definition.ui.label}</Text>
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Modal>
  );
}
