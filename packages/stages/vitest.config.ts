import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'stages', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
