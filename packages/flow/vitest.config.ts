import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'flow', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
