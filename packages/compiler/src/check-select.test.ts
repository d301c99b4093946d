import { describe, expect, it } from 'vitest';

import { readSelect } from './check-select';

const orders = [
  { name: 'id', type: 'BIGINT' as const },
  { name: 'customer', type: 'VARCHAR' as const },
  { name: 'amount', type: 'DOUBLE' as const },
];
const customers = [
  { name: 'id', type: 'BIGINT' as const },
  { name: 'country', type: 'VARCHAR' as const },
];
const inputs = { a: orders, b: customers };

const problemsOf = (sql: string, over: Parameters<typeof readSelect>[1] = inputs) =>
  readSelect(sql, over).problems;
const messageOf = (sql: string) => {
  const [problem] = problemsOf(sql);
  return problem && 'message' in problem ? problem.message : undefined;
};

describe('readSelect: what a SQL transform may read', () => {
  it.each([
    'SELECT * FROM a',
    'SELECT a.customer, b.country FROM a JOIN b ON a.id = b.id',
    'WITH big AS (SELECT * FROM a WHERE amount > 10) SELECT customer FROM big',
    'SELECT * FROM a WHERE id IN (SELECT id FROM b)',
    'SELECT customer FROM a UNION ALL SELECT country FROM b',
    'SELECT `customer` FROM `a`',
    'SELECT "customer" FROM "a"',
    'SELECT 1 AS one',
    'SELECT x FROM (SELECT customer AS x FROM a) AS t',
  ])('takes %s', (sql) => {
    expect(problemsOf(sql)).toEqual([]);
  });

  it.each([
    [
      'SELECT * FROM secret',
      '"secret" is not an input of this stage: a SQL transform reads only its linked inputs, as tables named by their ports (a, b).',
    ],
    [
      'SELECT * FROM A',
      '"A" is not an input of this stage: did you mean "a"? A SQL transform reads only its linked inputs, named by their ports.',
    ],
    [
      'SELECT * FROM main.a',
      '"main.a" is not an input of this stage: a SQL transform reads only its linked inputs, as tables named by their ports (a, b).',
    ],
    ['SELECT * FROM a WHERE id IN (SELECT id FROM secret)', '"secret" is not an input'],
    ['SELECT (SELECT max(id) FROM secret) AS m FROM a', '"secret" is not an input'],
    ['WITH x AS (SELECT * FROM secret) SELECT * FROM x', '"secret" is not an input'],
    ["SELECT * FROM 'data.csv'", '"data.csv" is not an input'],
  ])('refuses %s, which reads a table that is no input', (sql, message) => {
    expect(messageOf(sql)).toContain(message);
  });

  it('finds a table the PostgreSQL grammar would read as part of a join condition', () => {
    expect(messageOf('SELECT a.id FROM a JOIN b ON a.id = b.id, secret')).toContain(
      '"secret" is not an input',
    );
  });

  it('names only the linked inputs when the SELECT reads an unlinked one', () => {
    expect(messageOf('SELECT * FROM b')).toBeUndefined();
    const [problem] = problemsOf('SELECT * FROM a JOIN b USING (id)', { a: orders });
    expect(problem).toEqual({
      kind: 'invalid',
      message:
        '"b" is not an input of this stage: a SQL transform reads only its linked inputs, as tables named by their ports (a).',
    });
  });

  it.each([
    [
      'SELECT * INTO t FROM a',
      "SELECT … INTO is not allowed: a SQL transform's rows go to the stages linked after it.",
    ],
    ['SELECT * FROM a FOR UPDATE', 'FOR UPDATE and LOCK IN SHARE MODE are not allowed'],
    ['SELECT * FROM a LOCK IN SHARE MODE', 'FOR UPDATE and LOCK IN SHARE MODE are not allowed'],
    ['SELECT * FROM generate_series(1, 3)', 'FROM generate_series(…) is not allowed'],
    [
      "SELECT * FROM read_csv('x.csv')",
      'READ_CSV() is not allowed: on DuckDB it reads or writes files on the database server. A SQL transform may only read its inputs.',
    ],
    ['SELECT sleep(5) FROM a', 'SLEEP() is not allowed'],
    [
      'SELECT * FROM sluice.flows',
      '"sluice" holds Sluice\'s own tables; a SQL transform may only read its inputs.',
    ],
    ['SELECT @@datadir FROM a', 'Server and session variables'],
    ['SELECT * FROM a; DROP TABLE a', 'Semicolons are not allowed'],
    ['SELECT * FROM a -- all', 'Comments'],
    ['DELETE FROM a', 'Write a SELECT'],
    [
      'WITH a AS (SELECT 1) SELECT * FROM a',
      'The WITH query "a" has the name of an input; give it another name.',
    ],
    [
      'SELECT * FROM a WHERE',
      'Sluice could not read this SELECT: it ends too early, after "WHERE". It must read it',
    ],
    ['', 'Write a SELECT over the inputs'],
  ])('refuses %j', (sql, message) => {
    expect(messageOf(sql)).toContain(message);
  });
});

describe('readSelect: the columns a SQL transform outputs', () => {
  const columnsOf = (sql: string, over: Parameters<typeof readSelect>[1] = inputs) =>
    readSelect(sql, over).columns;

  it('lists *, t.*, columns and aliases, with the types of the columns read as they are', () => {
    expect(
      columnsOf(
        'SELECT a.*, b.country AS land, upper(b.country) AS up FROM a JOIN b ON a.id = b.id',
      ),
    ).toEqual([...orders, { name: 'land', type: 'VARCHAR' }, { name: 'up' }]);
    expect(columnsOf('SELECT * FROM a, b')).toEqual([...orders, ...customers]);
    expect(columnsOf('SELECT CUSTOMER FROM a')).toEqual([{ name: 'customer', type: 'VARCHAR' }]);
  });

  it('follows WITH queries and subqueries in FROM', () => {
    expect(columnsOf('WITH t AS (SELECT id, amount * 2 AS twice FROM a) SELECT * FROM t')).toEqual([
      { name: 'id', type: 'BIGINT' },
      { name: 'twice' },
    ]);
    expect(columnsOf('SELECT s.* FROM (SELECT customer FROM a) AS s')).toEqual([
      { name: 'customer', type: 'VARCHAR' },
    ]);
  });

  it('names the columns of the first SELECT of a UNION', () => {
    expect(columnsOf('SELECT customer AS who FROM a UNION SELECT country FROM b')).toEqual([
      { name: 'who', type: 'VARCHAR' },
    ]);
  });

  it('knows written names while the inputs are unknown, and * only once they are known', () => {
    expect(columnsOf('SELECT id, customer AS who FROM a', { a: undefined })).toEqual([
      { name: 'id' },
      { name: 'who' },
    ]);
    expect(columnsOf('SELECT * FROM a', { a: undefined })).toBeUndefined();
    expect(problemsOf('SELECT * FROM a', { a: undefined })).toEqual([]);
  });

  it('warns that an expression with no name leaves the columns unknown downstream', () => {
    const { columns, problems } = readSelect(
      'SELECT customer, count(*) FROM a GROUP BY customer',
      inputs,
    );
    expect(columns).toBeUndefined();
    expect(problems).toEqual([
      {
        kind: 'unchecked',
        message:
          'Output column 2 is an expression with no name: each database names it its own way, so the stages after this one cannot check the columns they use. Name it with AS.',
      },
    ]);
  });

  it.each(['SELECT * FROM a JOIN b USING (id)', 'SELECT * FROM a NATURAL JOIN b'])(
    'warns that %s lists its columns in an order of each target',
    (sql) => {
      const { columns, problems } = readSelect(sql, inputs);
      expect(columns).toBeUndefined();
      expect(problems.map((p) => p.kind)).toEqual(['unchecked']);
      expect(readSelect(sql.replace('*', 'a.*, b.country'), inputs).columns).toEqual([
        ...orders,
        { name: 'country', type: 'VARCHAR' },
      ]);
    },
  );

  it('refuses two output columns of one name', () => {
    expect(messageOf('SELECT a.id, b.id FROM a JOIN b ON a.id = b.id')).toBe(
      'Two output columns are named "id"; give one another name with AS.',
    );
    expect(messageOf('SELECT * FROM a JOIN b ON a.id = b.id')).toBe(
      'Two output columns are named "id"; give one another name with AS.',
    );
  });
});

describe('readSelect: columns the SELECT names', () => {
  const unknown = (sql: string) =>
    problemsOf(sql).flatMap((p) => (p.kind === 'unknown-column' ? [[p.column, p.available]] : []));

  it('marks columns no input has, qualified or not, against the inputs they may come from', () => {
    expect(unknown('SELECT custmer FROM a')).toEqual([['custmer', ['id', 'customer', 'amount']]]);
    expect(unknown('SELECT a.id FROM a JOIN b ON a.id = b.id WHERE b.contry = 1')).toEqual([
      ['contry', ['id', 'country']],
    ]);
    expect(unknown('SELECT x.amout FROM a AS x')).toEqual([
      ['amout', ['id', 'customer', 'amount']],
    ]);
    expect(unknown('SELECT id FROM a JOIN b USING (id) ORDER BY nme')).toEqual([
      ['nme', ['id', 'customer', 'amount', 'country']],
    ]);
  });

  it('reads correlated subqueries, WITH queries and output aliases in their scopes', () => {
    expect(unknown('SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id)')).toEqual([]);
    expect(unknown('SELECT * FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.idd)')).toEqual([
      ['idd', ['id', 'customer', 'amount']],
    ]);
    expect(unknown('WITH t AS (SELECT amount AS twice FROM a) SELECT twice FROM t')).toEqual([]);
    expect(unknown('WITH t AS (SELECT amount AS twice FROM a) SELECT amount FROM t')).toEqual([
      ['amount', ['twice']],
    ]);
    expect(unknown('SELECT customer AS who, count(*) AS n FROM a GROUP BY who ORDER BY n')).toEqual(
      [],
    );
    expect(unknown('SELECT list_transform([1], x -> x + 1) AS l FROM a')).toEqual([]);
    expect(unknown('SELECT CURRENT_DATE AS d, s.f FROM a')).toEqual([]);
  });

  it('checks nothing it cannot know', () => {
    expect(problemsOf('SELECT nothing FROM a', { a: undefined })).toEqual([]);
  });
});
