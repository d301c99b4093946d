import { describe, expect, it } from 'vitest';

import { FileExportConfigSchema, fileExportStage } from './file-export.stage';
import { migrateStageConfig } from './stage-config';

const base = fileExportStage.defaults;

describe('file-export', () => {
  it('rejects paths that leave the external stage', () => {
    for (const path of ['/tmp/out.csv', 'a/../../out.csv']) {
      const issues = FileExportConfigSchema.safeParse({ ...base, path }).error?.issues;
      expect(issues?.[0]?.path).toEqual(['path']);
    }
  });

  it('rejects a delimiter that is also the quote', () => {
    const issues = FileExportConfigSchema.safeParse({ ...base, delimiter: '"' }).error?.issues;
    expect(issues?.map((i) => i.path)).toEqual([['quote']]);
  });

  it('compiles to an export-file sink', () => {
    const config = { ...base, path: 'out/result.csv', delimiter: '|', header: false };
    expect(fileExportStage.compile({ stageId: 'x', config, inputs: {} })).toEqual({
      op: 'export-file',
      input: { op: 'input', port: 'in' },
      file: { externalStage: 'exports', path: 'out/result.csv' },
      format: {
        kind: 'csv',
        header: false,
        delimiter: '|',
        quote: '"',
        escape: '"',
        skipLines: 0,
        nullString: '',
      },
    });
  });

  it.each(['jsonl', 'parquet'] as const)('compiles the %s format without CSV options', (format) => {
    const config = { ...base, format, path: `out.${format}`, delimiter: '"' };
    expect(FileExportConfigSchema.safeParse(config).success).toBe(true);
    expect(fileExportStage.compile({ stageId: 'x', config, inputs: {} })).toMatchObject({
      op: 'export-file',
      format: { kind: format },
    });
    const hidden = Object.entries(fileExportStage.ui.fields).filter(([, hint]) =>
      hint.hiddenWhen?.(config),
    );
    expect(hidden.map(([key]) => key)).toEqual([
      'header',
      'delimiter',
      'quote',
      'escape',
      'nullString',
    ]);
  });

  it('migrates a version 1 config to CSV', () => {
    const { format: _, ...v1 } = base;
    expect(migrateStageConfig('file-export', 1, v1)).toEqual({ ...v1, format: 'csv' });
  });

  it.each([
    ['jsonl', 'out/daily.csv', '.csv'],
    ['csv', 'daily.jsonl', '.jsonl'],
    ['parquet', 'daily.tsv', '.tsv'],
  ] as const)('warns on the path when a %s export is named %j', (format, path, suffix) => {
    const config = { ...base, format, path };
    const found = fileExportStage.check?.({ stageId: 'x', config, inputs: {} }) ?? [];
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', stageId: 'x', path: ['path'] }),
    ]);
    expect(found[0]?.message).toContain(`"${suffix}"`);
  });

  it.each([
    ['csv', 'daily.csv'],
    ['csv', 'daily.TSV'],
    ['jsonl', 'daily.jsonl'],
    ['parquet', 'daily.parquet'],
    ['csv', 'daily.txt'],
    ['jsonl', 'daily'],
  ] as const)('does not warn on a %s export named %j', (format, path) => {
    const config = { ...base, format, path };
    expect(fileExportStage.check?.({ stageId: 'x', config, inputs: {} })).toEqual([]);
  });

  it.each([
    ['output.csv', 'csv', 'jsonl', 'output.jsonl'],
    ['out/Daily.CSV', 'csv', 'parquet', 'out/Daily.parquet'],
    ['daily.jsonl', 'jsonl', 'csv', 'daily.csv'],
    ['daily.parquet', 'parquet', 'jsonl', 'daily.jsonl'],
  ] as const)('renames %j when the format goes from %s to %s', (path, from, format, renamed) => {
    const previous = { ...base, path, format: from };
    const next = { ...previous, format };
    expect(fileExportStage.ui.fields.format?.alsoSets?.({ next, previous })).toEqual({
      path: renamed,
    });
  });

  it('names a CSV export with a tab delimiter .tsv', () => {
    const previous = { ...base, path: 'daily.jsonl', format: 'jsonl', delimiter: '\t' };
    const next = { ...previous, format: 'csv' };
    expect(fileExportStage.ui.fields.format?.alsoSets?.({ next, previous })).toEqual({
      path: 'daily.tsv',
    });
  });

  it.each(['daily.txt', 'daily.csv.gz', 'daily'])(
    'leaves %j alone when the format changes',
    (path) => {
      const previous = { ...base, path };
      const next = { ...previous, format: 'jsonl' };
      expect(fileExportStage.ui.fields.format?.alsoSets?.({ next, previous })).toEqual({});
    },
  );

  it('summarises the node with the file it writes', () => {
    expect(fileExportStage.ui.summary?.({ ...base, path: 'out/daily.csv' })).toBe(
      'exports/out/daily.csv',
    );
  });
});
