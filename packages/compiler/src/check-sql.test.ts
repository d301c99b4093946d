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
    "status = 'paid' AND amount > 100",
    "name LIKE 'O''Brien%'",
    '`order total` > 100',
    "note = 'a # b' AND tag = '`'",
    "path = 'C:\\\\temp'",
    'list_filter(tags, x -> x > 1) IS NOT NULL',
    'list_filter(tags, lambda x: x > 1) IS NOT NULL',
    'list_reduce(tags, lambda acc, x: acc + x) > 0',
    "note = 'lambda y: 1'",
  ])('accepts %s', (sql) => {
    expect(checkSqlExpression(sql)).toBeUndefined();
  });

  it.each(['list_contains([1, 2], id)', '"we""ird" = \'it\'\'s\'', 'amount >'])(
    'lets the database judge what the parser cannot read: %s',
    (sql) => {
      const problem = checkSqlExpression(sql);
      expect(problem?.kind).toBe('unchecked');
      expect(problem?.message).toMatch(/^Sluice could not read this expression: .+; the database/);
    },
  );

  describe('says what is wrong in the text the person wrote', () => {
    it.each([
      ['amount >', 'it ends too early, after ">"'],
      ['amount >   ', 'it ends too early, after ">"'],
      ['a and', 'it ends too early, after "and"'],
      ["status = 'paid' AND amount >=", 'it ends too early, after ">="'],
      ['a = = 1', '"=" at column 5 is unexpected'],
      ['a = 1 b', '"b" at column 7 is unexpected'],
      ['a = 1 AND\nb = = 2', '"=" at line 2, column 5 is unexpected'],
      ['amount > 0 status', '"status" at column 12 is unexpected'],
      ['list_filter(tags, lambda x: x = = 1) IS NULL', '"=" at column 33 is unexpected'],
    ])('%j', (sql, reason) => {
      const problem = checkSqlExpression(sql);
      expect(problem?.message).toBe(
        `Sluice could not read this expression: ${reason}; the database will check it when the flow runs.`,
      );
      expect(problem?.message).not.toMatch(/\)|SELECT|WHERE/);
    });

    it.each([
      ['(a = 1', 'A parenthesis "(" is not closed.'],
      ["'x", "A quoted text ('…') is not closed."],
      ['a = 1)', 'A closing parenthesis ")" has no matching "(".'],
    ])('%j', (sql, message) => {
      expect(checkSqlExpression(sql)).toEqual({ kind: 'invalid', message });
    });
  });

  describe("refuses names qualified by Sluice's own schema", () => {
    it.each([
      'sluice.flows IS NULL',
      'SLUICE.flows.id IS NULL',
      'Sluice . flows IS NULL',
      '`sluice`.flows IS NULL',
      '"sluice".flows IS NULL',
      '"SLUICE"."runs" IS NULL',
      'memory.sluice.flows IS NULL',
      'amount > 0 OR sluice.runs.id = 1',
    ])('%s', (sql) => {
      expect(checkSqlExpression(sql)?.message).toMatch(/^"sluice" holds Sluice's own tables/i);
    });

    it('refuses the configured metadata database, whatever its case', () => {
      const options = { metadataSchema: 'sluice_meta' };
      expect(checkSqlExpression('Sluice_Meta.flows IS NULL', options)).toEqual({
        kind: 'invalid',
        message:
          '"Sluice_Meta" holds Sluice\'s own tables; an expression may only read the stage\'s input rows.',
      });
      expect(checkSqlExpression('sluice.flows IS NULL', options)?.kind).not.toBe('invalid');
    });

    it('reads the same text again for each metadata database', () => {
      const text = 'other_meta.flows IS NULL';
      expect(checkSqlExpression(text)).toBeUndefined();
      expect(checkSqlExpression(text, { metadataSchema: 'other_meta' })?.kind).toBe('invalid');
      expect(checkSqlExpression(text)).toBeUndefined();
    });

    it.each(["note = 'sluice.flows'", 'sluice > 0', 'x.sluice IS NULL', 'sluiced.flows IS NULL'])(
      'lets through what does not name it as a schema: %s',
      (sql) => {
        expect(checkSqlExpression(sql)?.kind).not.toBe('invalid');
      },
    );
  });

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
    ['a = 1 # trailing', 'Comments (--, /* */ or #)'],
    ['a` = 1', 'quoted name (`…`) is not closed when MySQL'],
    ["x = éE'\\')) OR ((1=1 --'", 'has no matching "(" when DuckDB'],
    ["name = LOAD_FILE('/etc/passwd')", 'LOAD_FILE() is not allowed'],
    ['sleep (5) = 0', 'SLEEP() is not allowed'],
    ["get_lock('x', 10) = 1", 'GET_LOCK() is not allowed'],
  ])('rejects %s', (sql, message) => {
    const problem = checkSqlExpression(sql);
    expect(problem?.kind).toBe('invalid');
    expect(problem?.message).toContain(message);
  });

  describe('refuses server and session variables, which a MySQL-family server reads', () => {
    const VARIABLES =
      "Server and session variables (@@datadir, @x) are not allowed: an expression may only read the stage's input rows.";

    it.each([
      '@@datadir IS NOT NULL',
      "@@global.secure_file_priv = ''",
      '@@SESSION.sql_mode IS NULL',
      '@@ datadir IS NULL',
      '(@x := 1)',
      '@x = 1',
      'amount > 0 OR @x IS NULL',
      "@'x' = 1",
      '@"x" = 1',
      '@`x` = 1',
      '@.x IS NULL',
      '@1 IS NULL',
      '@é IS NULL',
      'a@b = 1',
      // Read as DuckDB reads it, two texts; as MariaDB reads it, a text and then @@datadir.
      "name = '\\' OR tag = '@@datadir'",
    ])('%s', (sql) => {
      expect(checkSqlExpression(sql)).toEqual({ kind: 'invalid', message: VARIABLES });
    });

    it.each([
      "note = '@@datadir'",
      "email = 'a@b.example'",
      'note = "@x"',
      '"@x" = 1',
      '`@@datadir` = 1',
      "note = 'it''s @x'",
    ])('accepts the same text inside quotes: %s', (sql) => {
      expect(checkSqlExpression(sql)).toBeUndefined();
    });

    it.each(['@ -5 = 5', '@(amount) > 5'])(
      "leaves DuckDB's absolute value operator to the database: %s",
      (sql) => {
        expect(checkSqlExpression(sql)?.kind).toBe('unchecked');
      },
    );
  });

  describe('reads text the MySQL family way too, where a backslash escapes inside quotes', () => {
    it.each([
      // Read as DuckDB reads it, two texts; as MariaDB reads it, a UNION reading mysql.user.
      "name = '\\' AND name = ') UNION SELECT user FROM mysql.user #'",
      "name = '\\' AND name = ') OR (1 = 1'",
      'name = "\\" AND name = ") OR (1 = 1"',
      "name = 'x\\' OR 1 = 1",
    ])('refuses %s', (sql) => {
      const problem = checkSqlExpression(sql);
      expect(problem?.kind).toBe('invalid');
      expect(problem?.message).toContain(
        'when MySQL, MariaDB or MatrixOne read it: there a backslash inside quotes escapes the next character',
      );
    });

    it('refuses a # that only the MySQL reading sees outside quotes', () => {
      const problem = checkSqlExpression("name = '\\' OR tag = '#'");
      expect(problem).toEqual({
        kind: 'invalid',
        message: 'Comments (--, /* */ or #) are not allowed in an expression.',
      });
    });

    it('refuses a backquoted name that leaves the parentheses', () => {
      const problem = checkSqlExpression("`'` = 1) UNION SELECT 1 FROM mysql.user WHERE (`'` = 1");
      expect(problem?.kind).toBe('invalid');
      expect(problem?.message).toContain('has no matching "(" when MySQL, MariaDB or MatrixOne');
    });

    it('refuses a subquery that only the MySQL reading sees outside quotes', () => {
      // DuckDB's reading hides `TABLE mysql.user` in a text; MySQL 8 reads a subquery.
      const problem = checkSqlExpression("`'` = 1 OR x IN (TABLE mysql.user) OR `'` = 1");
      expect(problem?.kind).toBe('invalid');
      expect(problem?.message).toContain('Subqueries are not allowed');
    });

    it('says how DuckDB reads a quote escaped with a backslash', () => {
      const problem = checkSqlExpression("name = 'O\\'Brien'");
      expect(problem?.message).toBe(
        "A quoted text ('…') is not closed when DuckDB reads it: there a backslash is an ordinary character and backquotes quote nothing; write a quote inside text as ''.",
      );
    });
  });
});
