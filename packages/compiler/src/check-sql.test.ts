import { describe, expect, it } from 'vitest';

import { checkSqlExpression } from './check-sql';

describe('checkSqlExpression', () => {
  it.each([
    'amount > 0',
    "country = 'NL' AND amount BETWEEN 1 AND 10",
    'a::INTEGER > 2',
    "name ILIKE 'a%'",
    "note = 'a;b -- not a comment (really'",
    "path = E'C:\\\\temp\\'s'",
    "label = 'select from the menu'",
    'EXTRACT(year FROM ordered_at) = 2026',
    'TRUE',
  ])('accepts %s', (sql) => {
    expect(checkSqlExpression(sql)).toBeUndefined();
  });

  it.each(['list_contains([1, 2], id)', '"we""ird" = \'it\'\'s\'', 'amount >'])(
    'lets the database judge what the parser cannot read: %s',
    (sql) => {
      const problem = checkSqlExpression(sql);
      expect(problem?.kind).toBe('unchecked');
      expect(problem?.message).toMatch(
        /^Sluice could not read this expression \(.+\); the database/,
      );
    },
  );

  it.each([
    ['a = 1; DROP TABLE x', 'Semicolons are not allowed'],
    ['a = 1 -- trailing', 'Comments'],
    ['a = 1 /* x */', 'Comments'],
    ['1 = 1) UNION (SELECT 1', 'has no matching "("'],
    ['(a = 1', 'is not closed'],
    ["a = 'open", "quoted text ('…') is not closed"],
    ['"open = 1', 'quoted name ("…") is not closed'],
    ["E'\\' ) OR (1 = 1", "quoted text ('…') is not closed"],
    ['$$)$$', 'Dollar signs'],
    ['   ', 'Write an expression'],
    ['id IN (SELECT 1)', 'Subqueries are not allowed'],
    ["length((SELECT content FROM read_text('/etc/passwd'))) > 0", 'Subqueries are not allowed'],
    ['EXISTS (SELECT * FROM sluice.flows)', 'Subqueries are not allowed'],
    ['[x FOR x IN (select 1)] = []', 'Subqueries are not allowed'],
    ['EXISTS (FROM sluice.flows)', 'Subqueries are not allowed'],
    ["(FROM read_csv('/etc/passwd')) > 0", 'Subqueries are not allowed'],
    ['x IN ( table other )', 'Subqueries are not allowed'],
  ])('rejects %s', (sql, message) => {
    const problem = checkSqlExpression(sql);
    expect(problem?.kind).toBe('invalid');
    expect(problem?.message).toContain(message);
  });

  it('does not read E as a string prefix inside a word', () => {
    expect(checkSqlExpression("name = 'x\\' OR 1 = 1")).toBeUndefined();
  });
});
