/** Shared Prettier settings: the root package.json points at this file. */
export default {
  singleQuote: true,
  trailingComma: 'all',
  printWidth: 100,
  semi: true,
  plugins: ['@ianvs/prettier-plugin-sort-imports'],
  importOrder: [
    '<TYPES>',
    '^(react/(.*)$)|^(react$)',
    '<THIRD_PARTY_MODULES>',
    '',
    '<TYPES>^@sluice',
    '^@sluice/(.*)$',
    '',
    '<TYPES>^[.|..]',
    '^[../]',
    '^[./]',
  ],
  importOrderTypeScriptVersion: '5.9.0',
};
