import parser from 'node-sql-parser/build/postgresql';
import { describe, expect, it } from 'vitest';

import { readExpression, readExpressions } from './check-sql';
import { parseTogether } from './parse-together';

const alone = new parser.Parser();

/** The WHERE node of the text parsed alone, as `checkSqlExpression` parses it. */
function whereAlone(text: string): unknown {
  try {
    const ast: unknown = alone.astify(`SELECT * FROM t WHERE (${text})`, {
      database: 'postgresql',
    });
    return (Array.isArray(ast) ? (ast[0] as { where?: unknown }) : (ast as { where?: unknown }))
      .where;
  } catch {
    return undefined;
  }
}

/** A node without the `loc` spans the batch asks the parser for. */
function withoutSpans(node: unknown): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value: unknown) => (key === 'loc' ? undefined : value)),
  );
}

const READ = [
  'amount > 0',
  "country = 'NL' AND amount BETWEEN 1 AND 10",
  'a::INTEGER > 2',
  "name ILIKE 'a%'",
  "note = 'a;b -- not a comment (really'",
  "path = E'C:\\\\temp\\'s'",
  'EXTRACT(year FROM ordered_at) = 2026',
  'TRUE',
  'amount',
  "'text'",
  '42',
  "status = 'paid' OR amount > 100",
  "name LIKE 'O''Brien%'",
  '`order total` > 100',
  '"order total" > 100',
  'list_filter(tags, x -> x > 1) IS NOT NULL',
  'CASE WHEN a > 1 THEN b ELSE c END',
  'upper(name) || lower(city)',
  'x IS NULL',
  'NOT (a = 1)',
  '(a + b) * (c - d)',
  '((a))',
  'a = 1, b = 2',
  "ordered_at >= DATE '2026-01-01'",
  'CAST(amount AS INTEGER) > 2',
  'coalesce(a, 0) + 1',
  '(a)::INTEGER',
  'a::DECIMAL(10, 2) > 1',
  'tags[1] IS NULL',
  "payload -> 'id' = 1",
  "payload ->> 'id' = '1'",
  '-amount < 0',
  "x IN (1, 2, 3) AND y NOT IN ('a')",
  'a IS DISTINCT FROM b',
  "name NOT LIKE 'a%'",
  "name ~ '^a'",
  "ordered_at + INTERVAL '1 day' > now()",
  'count(DISTINCT a) > 1',
  'sum(a) OVER (PARTITION BY b ORDER BY c) > 0',
  'a BETWEEN b AND c',
  'NOT a',
  'a = (b)',
  '(a) = (b)',
  'x IS NOT TRUE',
  '(a + b)',
  '  amount > 0  ',
  '\tx = 1\n',
  ' amount ',
];

/** Texts the parser cannot read alone, each with the place it stops at. */
const UNREAD = [
  'amount >',
  'a = = 1',
  'a = 1 b',
  'a = 1 AND\nb = = 2',
  'list_contains([1, 2], id)',
];

/** Texts that leave their parentheses in a batch (the lexical check refuses them first). */
const ESCAPING = ['1) OR (1=1', '1) = (1', 'a) AND (b', '0) = 0 AND (1'];

describe('parseTogether', () => {
  it('reads every text as the parser reads it alone', () => {
    const nodes = parseTogether(READ);
    expect(nodes.every((node) => node !== undefined)).toBe(true);
    for (const [i, text] of READ.entries()) {
      expect(withoutSpans(nodes[i]), text).toEqual(withoutSpans(whereAlone(text)));
    }
  });

  it('leaves to a parse alone what it cannot read, and reads the rest', () => {
    const texts = [...READ.slice(0, 10), ...UNREAD, ...READ.slice(10)];
    const nodes = parseTogether(texts);
    for (const [i, text] of texts.entries()) {
      if (UNREAD.includes(text)) expect(nodes[i], text).toBeUndefined();
      else if (nodes[i])
        expect(withoutSpans(nodes[i]), text).toEqual(withoutSpans(whereAlone(text)));
    }
    expect(nodes.filter((node) => node !== undefined).length).toBeGreaterThan(READ.length / 2);
  });

  it('stops halving a batch of many texts it cannot read', () => {
    const texts = READ.flatMap((text, i) => [text, UNREAD[i % UNREAD.length] ?? '']);
    const nodes = parseTogether(texts);
    for (const [i, text] of texts.entries()) {
      if (UNREAD.includes(text)) expect(nodes[i], text).toBeUndefined();
      else if (nodes[i])
        expect(withoutSpans(nodes[i]), text).toEqual(withoutSpans(whereAlone(text)));
    }
  });

  it.each(ESCAPING)('never gives a node for text leaving its parentheses: %s', (escaping) => {
    const texts = [...READ.slice(0, 6), escaping, ...READ.slice(6, 12)];
    const nodes = parseTogether(texts);
    expect(nodes[texts.indexOf(escaping)]).toBeUndefined();
    for (const [i, text] of texts.entries()) {
      if (nodes[i]) expect(withoutSpans(nodes[i]), text).toEqual(withoutSpans(whereAlone(text)));
    }
  });

  it('reads every combination of some operands and operators as the parser reads it alone', () => {
    const operands = [
      'a',
      't.b',
      '1',
      "'x'",
      '"q r"',
      'f(a, 2)',
      '(a)',
      '-a',
      'a::INTEGER',
      'NULL',
    ];
    const operators = ['+', '*', '=', '<>', 'AND', 'OR', '||', 'LIKE', 'IS', 'IN', '->', 'BETWEEN'];
    const texts = operands.flatMap((left) =>
      operators.flatMap((op) => operands.map((right) => `${left} ${op} ${right}`)),
    );
    const nodes = parseTogether(texts);
    const singles = texts.map(whereAlone);
    for (const [i, text] of texts.entries()) {
      const single = singles[i];
      if (single === undefined) expect(nodes[i], text).toBeUndefined();
      else if (nodes[i]) expect(withoutSpans(nodes[i]), text).toEqual(withoutSpans(single));
    }
    const read = singles.filter((single) => single !== undefined).length;
    expect(nodes.filter((node) => node !== undefined).length).toBeGreaterThan(read / 2);
  });

  it('leaves a lone text to a parse alone', () => {
    expect(parseTogether(['amount > 0'])).toEqual([undefined]);
  });
});

describe('readExpressions', () => {
  /** Each schema keeps its own readings, so `fresh` reads every text anew. */
  let schemas = 0;
  const fresh = () => {
    schemas += 1;
    return { metadataSchema: `meta_${String(schemas)}` };
  };

  it('keeps for each text what reading it alone gives, errors and positions included', () => {
    const texts = [
      ...READ.slice(0, 8),
      'amount >',
      ...ESCAPING,
      'a = = 1',
      'id IN (SELECT 1)',
      "name = LOAD_FILE('/etc/passwd')",
      '   ',
      ...READ.slice(8, 16),
      'a = 1 AND\nb = = 2',
      'list_contains([1, 2], id)',
      ...READ.slice(16),
      'list_filter(tags, lambda x: x > 1) IS NOT NULL',
      'list_reduce(tags, lambda acc, x: acc + x) > 0',
      'x IS UNKNOWN AND rowid > 1',
      'CONVERT(x, SIGNED) > 1',
      "note = 'lambda y: 1'",
      'amount > 0',
    ];
    const together = fresh();
    readExpressions(texts, together);
    const one = fresh();
    for (const text of texts) {
      expect(readExpression(text, together), text).toEqual(readExpression(text, one));
    }
    expect(readExpression('a = = 1', together).problem?.message).toBe(
      'Sluice could not read this expression: "=" at column 5 is unexpected; the database will check it when the flow runs.',
    );
    expect(readExpression('a = 1 AND\nb = = 2', together).problem?.message).toContain(
      '"=" at line 2, column 5 is unexpected',
    );
    expect(readExpression('(a + b) * (c - d)', together).columns).toEqual(['a', 'b', 'c', 'd']);
  });
});
