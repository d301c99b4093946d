import { base } from '@sluice/config/eslint';

export default [
  ...base(import.meta.dirname),
  // The launcher is plain JavaScript outside the TypeScript project; it only loads src/main.ts.
  { ignores: ['bin/**'] },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/env.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through src/env.ts.' },
      ],
    },
  },
];
