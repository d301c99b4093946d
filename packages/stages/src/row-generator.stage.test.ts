import { describe, expect, it } from 'vitest';

import { RowGeneratorConfigSchema, rowGeneratorStage } from './row-generator.stage';

const base = { rows: 10, seed: 1, columns: [{ name: 'id', kind: 'sequence', start: 1, step: 1 }] };

/** The field path and message of every problem a config has. */
function problemsOf(config: Record<string, unknown>) {
  const issues = RowGeneratorConfigSchema.safeParse(config).error?.issues ?? [];
  return issues.map((issue) => [issue.path, issue.message]);
}

const withColumn = (column: Record<string, unknown>) => ({
  ...base,
  columns: [{ name: 'c', ...column }],
});

describe('row generator stage', () => {
  it('is an origin whose defaults generate', () => {
    expect(rowGeneratorStage.category).toBe('origin');
    expect(rowGeneratorStage.ports).toEqual({ inputs: [], outputs: ['out'] });
    expect(problemsOf(rowGeneratorStage.defaults)).toEqual([]);
  });

  it('outputs one typed column per generated column, in order', () => {
    const config = RowGeneratorConfigSchema.parse({
      ...base,
      columns: [
        { name: 'id', kind: 'sequence', start: 1, step: 1 },
        { name: 'n', kind: 'integer', min: 1, max: 6 },
        { name: 'p', kind: 'decimal', min: 0, max: 1, scale: 2 },
        { name: 'c', kind: 'choice', choices: ['a'] },
        { name: 'd', kind: 'date', from: '2024-01-01', to: '2024-01-31' },
        { name: 'u', kind: 'uuid' },
      ],
    });
    expect(rowGeneratorStage.outputColumns({ stageId: 'g', config, inputs: {} })).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'n', type: 'BIGINT' },
      { name: 'p', type: 'DECIMAL' },
      { name: 'c', type: 'VARCHAR' },
      { name: 'd', type: 'DATE' },
      { name: 'u', type: 'VARCHAR' },
    ]);
  });

  it('compiles decimals to whole units of their scale and dates to a first day and a span', () => {
    const config = RowGeneratorConfigSchema.parse({
      ...base,
      columns: [
        { name: 'p', kind: 'decimal', min: 0.5, max: 9.99, scale: 2 },
        { name: 'd', kind: 'date', from: '2024-02-28', to: '2024-03-01' },
      ],
    });
    expect(rowGeneratorStage.compile({ stageId: 'g', config, inputs: {} })).toEqual({
      op: 'generate-rows',
      rows: 10,
      seed: 1,
      columns: [
        { name: 'p', value: { kind: 'decimal', min: 50, max: 999, scale: 2 } },
        { name: 'd', value: { kind: 'date', from: '2024-02-28', days: 2 } },
      ],
    });
  });

  it.each([
    [{ rows: 0 }, [['rows'], 'Generate at least 1 row.']],
    [{ rows: 100_000_001 }, [['rows'], 'Generate at most 100,000,000 rows.']],
    [{ rows: 1.5 }, [['rows'], 'Enter a whole number of rows.']],
    [{ seed: -1 }, [['seed'], 'Enter a seed from 0.']],
    [{ columns: [] }, [['columns'], 'Add at least one column.']],
  ])('refuses %j on its field', (change, problem) => {
    expect(problemsOf({ ...base, ...change })).toEqual([problem]);
  });

  it.each([
    [{ kind: 'integer', min: 5, max: 4 }, [['columns', 0, 'max'], 'Must be at least the minimum.']],
    [
      { kind: 'decimal', min: 0.125, max: 1, scale: 2 },
      [['columns', 0, 'min'], 'Has more digits after the point than the scale (2).'],
    ],
    [
      { kind: 'decimal', min: 0, max: 1, scale: 10 },
      [['columns', 0, 'scale'], 'At most 9 digits after the point.'],
    ],
    [
      { kind: 'decimal', min: 0, max: 1e7, scale: 9 },
      [['columns', 0, 'max'], 'With 9 digits after the point, stay below ±10^6.'],
    ],
    [
      { kind: 'choice', choices: [] },
      [['columns', 0, 'choices'], 'List at least one value to choose from.'],
    ],
    [
      { kind: 'date', from: '2024-02-30', to: '2024-03-01' },
      [['columns', 0, 'from'], 'This is not a date on the calendar (check the month and the day).'],
    ],
    [
      { kind: 'date', from: '1 May 2024', to: '2024-03-01' },
      [['columns', 0, 'from'], 'Enter a date as YYYY-MM-DD, e.g. 2024-01-31.'],
    ],
    [
      { kind: 'date', from: '2024-03-02', to: '2024-03-01' },
      [['columns', 0, 'to'], 'Must be on or after the first date.'],
    ],
  ])('refuses the column %j on its field', (column, problem) => {
    expect(problemsOf(withColumn(column))).toEqual([problem]);
  });

  it('refuses a name used twice, ignoring case, on the second', () => {
    const config = {
      ...base,
      columns: [
        { name: 'id', kind: 'uuid' },
        { name: 'ID', kind: 'uuid' },
      ],
    };
    expect(problemsOf(config)).toEqual([[['columns', 1, 'name'], '"ID" is used twice.']]);
  });

  it('refuses a sequence that leaves the exact whole numbers over its rows, on its step', () => {
    const config = {
      rows: 100_000_000,
      seed: 1,
      columns: [{ name: 'id', kind: 'sequence', start: 0, step: 2 ** 30 }],
    };
    expect(problemsOf(config).map(([path]) => path)).toEqual([['columns', 0, 'step']]);
  });
});
