import { describe, expect, it } from 'vitest';

import { diagnostic, hasErrors } from './diagnostics';

describe('diagnostic', () => {
  it('builds the standard message, severity and location', () => {
    expect(
      diagnostic(
        'unknown-column',
        { column: 'amt', available: ['id', 'amount'] },
        { stageId: 's1', path: ['columns', 0, 'source'] },
      ),
    ).toEqual({
      code: 'unknown-column',
      severity: 'error',
      message: 'Unknown column "amt". Available: id, amount.',
      stageId: 's1',
      path: ['columns', 0, 'source'],
    });
  });

  it('tells errors from warnings', () => {
    expect(hasErrors([diagnostic('no-destination', {})])).toBe(false);
    expect(
      hasErrors([
        diagnostic('no-destination', {}),
        diagnostic('cycle', { stageIds: ['a', 'b', 'a'] }),
      ]),
    ).toBe(true);
  });
});
