import { describe, expect, it } from 'vitest';

import { stageList } from '@sluice/stages';

import { matchStages } from './stage-search';

const types = (query: string) => matchStages(stageList(), query).map((d) => d.type);

describe('matchStages', () => {
  it('keeps every stage type for an empty query, in palette order', () => {
    expect(types('  ')).toEqual(stageList().map((d) => d.type));
  });

  it('matches labels and descriptions, ignoring case, every word required', () => {
    expect(types('FILT')).toEqual(['filter']);
    expect(types('file export')).toEqual(['file-export']);
    expect(types('no such stage')).toEqual([]);
  });
});
