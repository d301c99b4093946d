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

  it('compiles to an export-file op', () => {
    const config = { ...base, path: 'out/result.csv', delimiter: '|', header: false };
    expect(fileExportStage.compile({ stageId: 'x', config, inputs: {} })).toEqual({
      kind: 'export-file',
      input: 'in',
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
      kind: 'export-file',
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
});
