import { describe, expect, it } from 'vitest';

import { closestName, sameColumnName } from './column-names';

describe('column names', () => {
  it('compare ignoring case, as DuckDB, MySQL, MariaDB and MatrixOne do', () => {
    expect(sameColumnName('Status', 'STATUS')).toBe(true);
    expect(sameColumnName('status', 'statu')).toBe(false);
  });

  it.each([
    ['stauts', ['id', 'status', 'amount'], 'status'],
    ['amout', ['id', 'status', 'amount'], 'amount'],
    ['AMOUNTS', ['id', 'status', 'amount'], 'amount'],
    ['customer_nme', ['customer_name', 'customer_id'], 'customer_name'],
    ['amount', ['id', 'amount_eur', 'total_amount_eur'], 'amount_eur'],
    ['Country', ['id', 'customer_country'], 'customer_country'],
  ])('offers the closest name to %s', (name, candidates, closest) => {
    expect(closestName(name, candidates)).toBe(closest);
  });

  it.each([
    ['zzz', ['id', 'status']],
    ['x', ['id']],
    ['price', []],
    ['id', ['order_id']],
  ])('offers nothing when no name is close to %s', (name, candidates) => {
    expect(closestName(name, candidates)).toBeUndefined();
  });
});
