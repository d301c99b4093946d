import { describe, expect, it } from 'vitest';

import { stageList } from '@sluice/stages';

import { STAGE_ICONS } from './stage-icon';

describe('STAGE_ICONS', () => {
  it.each(stageList().map((stage) => [stage.type, stage.ui.icon]))(
    '%s names an icon the app bundles (%s)',
    (_type, icon) => {
      expect(Object.keys(STAGE_ICONS)).toContain(icon);
    },
  );
});
