import { describe, expect, it } from 'vitest';

import { parseServerVersion } from './server-version';

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
