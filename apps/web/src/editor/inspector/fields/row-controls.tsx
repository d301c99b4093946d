import { ActionIcon } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';

/** `items` with the one at `index` moved `by` places (−1 up, 1 down). */
function moved<T>(items: readonly T[], index: number, by: number): T[] {
  const next = [...items];
  const [item] = next.splice(index, 1);
  if (item !== undefined) next.splice(index + by, 0, item);
  return next;
}

/** Move up, move down and remove for row `index` of a list field's rows. */
export function RowControls<T>({
  items,
  index,
  removeLabel,
  onChange,
}: {
  items: readonly T[];
  index: number;
  removeLabel: string;
  onChange: (items: T[]) => void;
}) {
  return (
    <ActionIcon.Group>
      <ActionIcon
        variant="default"
        size="sm"
        aria-label="Move up"
        disabled={index === 0}
        onClick={() => onChange(moved(items, index, -1))}
      >
        <IconArrowUp size={12} />
      </ActionIcon>
      <ActionIcon
        variant="default"
        size="sm"
        aria-label="Move down"
        disabled={index === items.length - 1}
        onClick={() => onChange(moved(items, index, 1))}
      >
        <IconArrowDown size={12} />
      </ActionIcon>
      <ActionIcon
        variant="default"
        size="sm"
        aria-label={removeLabel}
        onClick={() => onChange(items.filter((_, j) => j !== index))}
      >
        <IconTrash size={12} />
      </ActionIcon>
    </ActionIcon.Group>
  );
}
