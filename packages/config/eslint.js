/**
 * Shared flat ESLint config. Each workspace's eslint.config.js spreads `base` and adds its
 * layer rule, so the import direction in design.md is enforced where code is written.
 */
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** @param {string} tsconfigRootDir */
export function base(tsconfigRootDir) {
  return tseslint.config(
    { ignores: ['dist/**', '.cache/**', 'node_modules/**', '**/*.config.*', 'eslint.config.js'] },
    js.configs.recommended,
    ...tseslint.configs.recommendedTypeChecked,
    ...tseslint.configs.stylisticTypeChecked,
    {
      languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
      rules: {
        '@typescript-eslint/consistent-type-imports': [
          'error',
          { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
        ],
        '@typescript-eslint/no-non-null-assertion': 'error',
        '@typescript-eslint/non-nullable-type-assertion-style': 'off',
        '@typescript-eslint/no-unnecessary-condition': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/no-unused-vars': [
          'error',
          { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
        ],
        'max-params': ['error', 3],
        eqeqeq: 'error',
        'no-console': 'error',
      },
    },
    {
      files: ['**/*.test.ts', '**/*.test.tsx', '**/*.spec.ts', 'test/**'],
      rules: { 'max-params': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
    },
  );
}

/** Packages that must stay pure: no React, no server, no drivers, no process. */
export const pureLayer = {
  files: ['src/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['react', 'react-*', 'express', 'mysql2', '@duckdb/*', 'node:*'],
            message: 'Pure packages do no I/O.',
          },
          {
            group: ['@sluice/engine', '@sluice/server', '@sluice/web'],
            message: 'Imports run flow <- stages <- compiler <- engine <- server.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'process', message: 'Pure packages read no environment.' },
    ],
  },
};

export { reactHooks };
