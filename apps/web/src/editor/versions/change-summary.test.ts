import { describe, expect, it } from 'vitest';

import { changeSummary } from './change-summary';

const none = { size: 0, stagesAdded: 0, stagesRemoved: 0, stagesChanged: 0, linksChanged: 0 };

describe('changeSummary', () => {
  it('says what changed and how much', () => {
    expect(
      changeSummary({
        size: 5,
        stagesAdded: 1,
        stagesRemoved: 1,
        stagesChanged: 1,
        linksChanged: 2,
      }),
    ).toBe('5 changes: +1 stage, −1 removed, 1 changed, 2 links');
    expect(changeSummary({ ...none, size: 2, stagesChanged: 1 })).toBe(
      '2 changes: 1 changed, 1 other',
    );
  });

  it('says when a version changed nothing', () => {
    expect(changeSummary(none)).toBe('no change');
  });
});
