import { defineConfig } from 'vitest/config';

/** The Vitest projects: each workspace keeps its own config; `vitest run` here runs them all. */
export default defineConfig({
  test: {
    projects: [
      'packages/flow',
      'packages/stages',
      'packages/compiler',
      'packages/engine',
      'packages/sdk',
      'apps/server',
      'apps/web',
    ],
  },
});
