import { Handle, Position } from '@xyflow/react';

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
      title={ports.length > 1 ? port : undefined}
      style={{
        top: `${((i + 1) / (ports.length + 1)) * 100}%`,
        width: 10,
        height: 10,
        background: 'var(--mantine-color-body)',
        border: '2px solid var(--mantine-primary-color-filled)',
      }}
    />
  ));
}
