import { describe, expectTypeOf, it } from 'vitest';

import type { InputPort, OutputPort, StageConfigInput, StageHandle } from '../src';
import { createFlow } from '../src';

const flow = createFlow({ name: 'Types' });

describe('addStage config types', () => {
  it('takes a config of the stage type, every field optional', () => {
    const filter = flow.addStage('filter', { label: 'Paid', config: { condition: 'amount > 0' } });
    expectTypeOf(filter).toEqualTypeOf<StageHandle<'filter'>>();
    expectTypeOf<StageConfigInput<'filter'>>().toEqualTypeOf<{ condition: string }>();
    flow.addStage('join', { config: { kind: 'left', keys: [{ left: 'id', right: 'id' }] } });
    flow.addStage('file-source');
  });

  it('refuses a config key the stage type does not have', () => {
    // @ts-expect-error `where` is not a filter field
    flow.addStage('filter', { config: { where: 'amount > 0' } });
    // @ts-expect-error a join key pair has `left` and `right`, not `from`
    flow.addStage('join', { config: { keys: [{ from: 'id', right: 'id' }] } });
  });

  it('refuses a value of the wrong type', () => {
    // @ts-expect-error a condition is SQL text, not a number
    flow.addStage('filter', { config: { condition: 42 } });
    // @ts-expect-error `sideways` is not a join kind
    flow.addStage('join', { config: { kind: 'sideways' } });
    // @ts-expect-error a limit's row count is a number
    flow.addStage('limit', { config: { count: '10' } });
  });

  it('refuses a stage type Sluice does not know', () => {
    // @ts-expect-error there is no `teleport` stage type
    flow.addStage('teleport', { config: {} });
  });

  it('checks update() like addStage()', () => {
    const destination = flow.addStage('table-destination');
    destination.update({ mode: 'overwrite' });
    // @ts-expect-error `replace` is not a table destination mode
    destination.update({ mode: 'replace' });
  });
});

describe('port types', () => {
  it('names the ports of each stage type', () => {
    expectTypeOf<InputPort<'join'>>().toEqualTypeOf<'left' | 'right'>();
    expectTypeOf<InputPort<'sql-transform'>>().toEqualTypeOf<'a' | 'b'>();
    expectTypeOf<OutputPort<'table-destination'>>().toEqualTypeOf<'done'>();
    expectTypeOf<OutputPort<'filter'>>().toEqualTypeOf<'out'>();
  });

  it('refuses a port the other stage does not have', () => {
    const source = flow.addStage('table-source');
    const join = flow.addStage('join');
    source.connectOutputTo(join, { port: 'right' });
    // @ts-expect-error a join's inputs are `left` and `right`
    source.connectOutputTo(join, { port: 'in' });
  });
});
