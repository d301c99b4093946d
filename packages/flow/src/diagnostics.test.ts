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

  it('says what a target cannot do, and what happens instead', () => {
    const at = { stageId: 'out', path: ['format'] };
    const unsupported = diagnostic(
      'unsupported-on-target',
      {
        feature: 'Parquet export',
        needs: 'MatrixOne 4.0',
        target: 'MatrixOne 3.0.9',
        instead: 'Export CSV, or upgrade the server.',
      },
      at,
    );
    expect(unsupported).toEqual({
      code: 'unsupported-on-target',
      severity: 'error',
      message:
        'Parquet export needs MatrixOne 4.0; this server is MatrixOne 3.0.9. Export CSV, or upgrade the server.',
      ...at,
    });
    const ignored = diagnostic('ignored-on-target', {
      option: 'the null value "NA"',
      target: 'MatrixOne 4.1.0',
      outcome: 'NULL fields are written as \\N',
    });
    expect(ignored.severity).toBe('warning');
    expect(ignored.message).toBe(
      'MatrixOne 4.1.0 cannot honour the null value "NA": NULL fields are written as \\N.',
    );
  });
});
