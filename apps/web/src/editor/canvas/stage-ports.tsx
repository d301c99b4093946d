import { Handle, Position } from '@xyflow/react';

import { AFTER_PORT, DONE_PORT } from '@sluice/flow';

/** Ports that order executors and carry no rows, drawn hollow and dashed. */
const ORDERING_PORTS: readonly string[] = [AFTER_PORT, DONE_PORT];

const ORDERING_TITLE = {
  target: 'Runs after the stages linked here',
  source: 'Link to an executor to run it after this stage',
};

/**
 * The handles of one side of a stage: inputs on the left, outputs on the right, spread evenly,
 * with the port name as handle id (and as a hint when a side has several ports).
 */
export function StagePorts({
  kind,
  ports,
}: {
  kind: 'source' | 'target';
  ports: readonly string[];
}) {
  const position = kind === 'target' ? Position.Left : Position.Right;
  return ports.map((port, i) => (
    <Handle
      key={port}
      type={kind}
      position={position}
      id={port}
      title={
        ORDERING_PORTS.includes(port) ? ORDERING_TITLE[kind] : ports.length > 1 ? port : undefined
      }
      data-ordering={ORDERING_PORTS.includes(port) || undefined}
      style={{
        top: `${((i + 1) / (ports.length + 1)) * 100}%`,
        width: 10,
        height: 10,
        background: 'var(--mantine-color-body)',
        border: `2px ${ORDERING_PORTS.includes(port) ? 'dashed' : 'solid'} var(--mantine-primary-color-filled)`,
      }}
    />
  ));
}
