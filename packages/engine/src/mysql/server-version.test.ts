import { describe, expect, it } from 'vitest';

import { parseServerVersion, unsupportedVersion } from './server-version';

describe('parseServerVersion', () => {
  it.each([
    ['10.11.19-MariaDB-0+deb12u1', { product: 'MariaDB', version: '10.11.19' }],
    ['5.5.5-10.6.16-MariaDB', { product: 'MariaDB', version: '10.6.16' }],
    ['8.0.36', { product: 'MySQL', version: '8.0.36' }],
    ['8.4.2-log', { product: 'MySQL', version: '8.4.2' }],
    ['8.0.30-MatrixOne-v3.0.18', { product: 'MatrixOne', version: '3.0.18' }],
    ['8.0.30-MatrixOne-v4.0.0-rc3', { product: 'MatrixOne', version: '4.0.0' }],
    ['8.0.30-MatrixOne-v', { product: 'MatrixOne', version: '999.0.0' }],
  ])('reads %s', (text, expected) => {
    expect(parseServerVersion(text)).toEqual(expected);
  });
});

describe('unsupportedVersion', () => {
  it.each([
    '8.0.0',
    '8.4.2-log',
    '9.1.0',
    '10.6.0-MariaDB',
    '10.11.19-MariaDB-0+deb12u1',
    '11.4.2-MariaDB',
    '5.5.5-10.6.16-MariaDB',
    '8.0.30-MatrixOne-v3.0.0',
    '8.0.30-MatrixOne-v4.0.0-rc3',
    '8.0.30-MatrixOne-v',
  ])('accepts %s', (text) => {
    expect(unsupportedVersion(parseServerVersion(text))).toBeUndefined();
  });

  it.each([
    ['5.7.44-log', 'MySQL 5.7.44 is older than Sluice supports; it needs MySQL 8.0 or newer.'],
    [
      '10.5.9-MariaDB',
      'MariaDB 10.5.9 is older than Sluice supports; it needs MariaDB 10.6 or newer.',
    ],
    [
      '5.5.5-10.3.39-MariaDB',
      'MariaDB 10.3.39 is older than Sluice supports; it needs MariaDB 10.6 or newer.',
    ],
    [
      '8.0.30-MatrixOne-v2.2.1',
      'MatrixOne 2.2.1 is older than Sluice supports; it needs MatrixOne 3.0 or newer.',
    ],
    ['unknown', 'MySQL 0.0.0 is older than Sluice supports; it needs MySQL 8.0 or newer.'],
  ])('refuses %s', (text, message) => {
    expect(unsupportedVersion(parseServerVersion(text))).toBe(message);
  });
});
