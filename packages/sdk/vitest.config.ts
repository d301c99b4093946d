import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    // The type tests prove that a wrong config is a compile error, so tsc must see them fail.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
  },
});
