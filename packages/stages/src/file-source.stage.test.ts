import { describe, expect, it } from 'vitest';

import { FileSourceConfigSchema, fileSourceStage } from './file-source.stage';
import { migrateStageConfig } from './stage-config';

const valid = fileSourceStage.defaults;
const issuesOf = (patch: Record<string, unknown>) =>
  FileSourceConfigSchema.safeParse({ ...valid, ...patch }).error?.issues.map((i) => ({
    path: i.path,
    message: i.message,
  }));

describe('file-source', () => {
  it('accepts its defaults and a tab-delimited file in a sub-folder', () => {
    expect(FileSourceConfigSchema.safeParse(valid).success).toBe(true);
    expect(issuesOf({ path: 'sales/2024/orders.tsv', delimiter: '\t' })).toBeUndefined();
  });

  it.each([
    ['/etc/passwd', 'no leading "/"'],
    ['../secrets.csv', 'no ".." segments'],
    ['a/../../b.csv', 'no ".." segments'],
    ['a\\..\\b.csv', 'no ".." segments'],
    ['a\0b.csv', 'NUL'],
    ['', 'Enter a file path'],
  ])('rejects the path %j', (path, message) => {
    const issues = issuesOf({ path });
    expect(issues?.[0]?.path).toEqual(['path']);
    expect(issues?.[0]?.message).toContain(message);
  });

  it.each([
    ['delimiter', ''],
    ['delimiter', ';;'],
    ['quote', '\n'],
    ['escape', '\0'],
  ])('rejects %s = %j', (field, value) => {
    expect(issuesOf({ [field]: value })?.[0]?.path).toEqual([field]);
  });

  it('rejects a quote equal to the delimiter', () => {
    expect(issuesOf({ quote: ',' })).toEqual([
      { path: ['quote'], message: 'The quote character must differ from the delimiter.' },
    ]);
  });

  it('rejects empty and case-insensitively repeated column names at their path', () => {
    const columns = [
      { name: 'id', type: 'BIGINT' },
      { name: 'ID', type: 'VARCHAR' },
      { name: '', type: 'VARCHAR' },
    ];
    expect(issuesOf({ columns })?.map((i) => i.path)).toEqual([
      ['columns', 2, 'name'],
      ['columns', 1, 'name'],
    ]);
  });

  it('outputs its explicit columns, or unknown columns when they are detected at run time', () => {
    const columns = [{ name: 'id', type: 'BIGINT' as const }];
    const ctx = { stageId: 's', inputs: {} };
    expect(fileSourceStage.outputColumns({ ...ctx, config: valid })).toBeUndefined();
    expect(fileSourceStage.outputColumns({ ...ctx, config: { ...valid, columns } })).toEqual(
      columns,
    );
  });

  it('compiles to a file scan carrying every format option', () => {
    const config = { ...valid, delimiter: ';', skipLines: 2, nullString: 'NA' };
    expect(fileSourceStage.compile({ stageId: 's', config, inputs: {} })).toEqual({
      op: 'scan-file',
      file: { externalStage: 'samples', path: 'orders.csv' },
      format: {
        kind: 'csv',
        header: true,
        delimiter: ';',
        quote: '"',
        escape: '"',
        skipLines: 2,
        nullString: 'NA',
      },
      columns: [],
    });
  });

  it.each([
    ['tsv', { kind: 'csv', delimiter: '\t' }],
    ['jsonl', { kind: 'jsonl' }],
    ['parquet', { kind: 'parquet' }],
  ] as const)('compiles the %s format', (format, expected) => {
    const config = { ...valid, format, delimiter: ';' };
    const node = fileSourceStage.compile({ stageId: 's', config, inputs: {} });
    expect(node.op === 'scan-file' && node.format).toMatchObject(expected);
    if (format !== 'tsv') expect(node.op === 'scan-file' && node.format).toEqual(expected);
  });

  it('hides the CSV fields for JSON lines and Parquet, and the delimiter for TSV', () => {
    const hidden = (format: (typeof valid)['format']) =>
      Object.entries(fileSourceStage.ui.fields)
        .filter(([, hint]) => hint.hiddenWhen?.({ ...valid, format }))
        .map(([key]) => key);
    const csvFields = ['header', 'delimiter', 'quote', 'escape', 'skipLines', 'nullString'];
    expect(hidden('csv')).toEqual(['jsonRows']);
    expect(hidden('tsv')).toEqual(['jsonRows', 'delimiter']);
    expect(hidden('jsonl')).toEqual(csvFields);
    expect(hidden('parquet')).toEqual(['compression', 'jsonRows', ...csvFields]);
  });

  it('checks the quote against the tab of TSV, and not at all for JSON lines', () => {
    expect(issuesOf({ format: 'tsv', quote: '\t' })?.map((i) => i.path)).toEqual([['quote']]);
    expect(issuesOf({ format: 'jsonl', quote: ',' })).toBeUndefined();
  });

  it('migrates a version 1 config to CSV, read as its extension says', () => {
    const { format: _, compression: __, jsonRows: ___, ...v1 } = valid;
    const migrated = migrateStageConfig('file-source', 1, v1);
    expect(migrated).toEqual({ ...v1, format: 'csv', compression: 'auto', jsonRows: 'objects' });
    expect(FileSourceConfigSchema.safeParse(migrated).success).toBe(true);
  });

  it('compiles an explicit compression and lines of arrays into the file format', () => {
    const config = {
      ...valid,
      format: 'jsonl' as (typeof valid)['format'],
      compression: 'gzip' as const,
    };
    const arrays = {
      ...config,
      jsonRows: 'arrays' as const,
      columns: [{ name: 'id', type: 'BIGINT' as const }],
    };
    const formatOf = (c: typeof config) => {
      const node = fileSourceStage.compile({ stageId: 's', config: c, inputs: {} });
      return node.op === 'scan-file' ? node.format : undefined;
    };
    expect(formatOf(config)).toEqual({ kind: 'jsonl', compression: 'gzip' });
    expect(formatOf(arrays)).toEqual({ kind: 'jsonl', rows: 'arrays', compression: 'gzip' });
    expect(formatOf({ ...config, format: 'parquet' })).toEqual({ kind: 'parquet' });
  });

  it('asks for the columns of lines of arrays, which carry no names', () => {
    expect(issuesOf({ format: 'jsonl', jsonRows: 'arrays' })).toEqual([
      expect.objectContaining({
        path: ['columns'],
        message: 'Lines of arrays carry no column names: list the columns in the order they hold.',
      }),
    ]);
  });
});
