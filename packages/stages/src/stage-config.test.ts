import { describe, expect, it } from 'vitest';

import { fileExportStage } from './file-export.stage';
import { patchStageConfig } from './stage-config';

describe('patchStageConfig', () => {
  const exported = { ...fileExportStage.defaults, path: 'orders.csv' };

  it('changes what the stage type ties to the patched field', () => {
    const next = patchStageConfig('file-export', exported, { format: 'jsonl' });
    expect(next).toMatchObject({ format: 'jsonl', path: 'orders.jsonl' });
  });

  it('keeps a field the patch sets itself, whatever a follower would make of it', () => {
    const next = patchStageConfig('file-export', exported, { format: 'jsonl', path: 'out.txt' });
    expect(next).toMatchObject({ format: 'jsonl', path: 'out.txt' });
  });

  it('merges a patch of a stage type without followers as it is', () => {
    expect(patchStageConfig('filter', { condition: 'TRUE' }, { condition: 'amount > 0' })).toEqual({
      condition: 'amount > 0',
    });
  });
});
