import parser from 'node-sql-parser/build/postgresql';

const { Parser } = parser;
const sqlParser = new Parser();

/**
 * The most expressions one parse reads. Each call of the parser costs about as much as reading
 * a short expression (it builds its tables and reads a SELECT around the text), so reading
 * many at once saves about a third of the parsing; beyond a few dozen a call gains nothing,
 * and a batch that fails is read again in halves (see `SPLITS`).
 */
const BATCH = 64;

/** The statement the expressions are read in, as `readExpression` reads one alone. */
const BATCH_START = 'SELECT * FROM t WHERE ';
const AND = ' AND ';
/** Follows each expression's parentheses, so the parser gives each a node with its own span. */
const PIN = ' = 0';

interface Pinned {
  type?: unknown;
  operator?: unknown;
  parentheses?: unknown;
  left?: unknown;
  right?: unknown;
  loc?: { start?: { offset?: unknown }; end?: { offset?: unknown } };
}

/**
 * What the parser reads each text as when it reads `SELECT * FROM t WHERE (<text>)` alone: the
 * WHERE node, or `undefined` where that is left to a parse of the text alone (a batch that
 * failed or could not be proven, or a text that was alone in its batch).
 *
 * The texts are read as `SELECT * FROM t WHERE (t1) = 0 AND (t2) = 0 AND …`. With locations
 * on, the parser gives each comparison the span it read it from, and a batch is only used
 * when every comparison spans exactly `(tk) = 0` as placed, compares with the number 0 and
 * has a left side in parentheses (which a chain made of text escaping its own parentheses,
 * like `1) = (1`, never has: the parser builds chains without the mark). The left side is
 * then what `additive_expr` read from the text's opening parenthesis to its closing one, the
 * rule that reads the WHERE of the statement alone there too (each rule above passes a single
 * operand through). Past the closing parenthesis the parser sees ` = 0` here and the end of
 * the text alone; neither continues an `additive_expr` (`=` starts only a comparison, one
 * rule above it), so both readings stop there with the same node.
 */
export function parseTogether(texts: readonly string[]): (object | undefined)[] {
  const read: (object | undefined)[] = [];
  for (let from = 0; from < texts.length; from += BATCH) {
    read.push(...readInHalves(texts.slice(from, from + BATCH), { failures: 0 }));
  }
  return read;
}

/**
 * How many batches of one chunk may fail before a failing batch stops being read again in
 * halves: halving finds one text the parser cannot read in a few parses, but a chunk of many
 * such texts would cost more parses than reading each alone.
 */
const SPLITS = 4;

/** Each text's node from one parse of them all, or else from reading each half so. */
function readInHalves(
  texts: readonly string[],
  chunk: { failures: number },
): (object | undefined)[] {
  if (texts.length < 2) return texts.map(() => undefined);
  const nodes = readBatch(texts);
  if (nodes) return nodes;
  chunk.failures += 1;
  if (chunk.failures > SPLITS) return texts.map(() => undefined);
  const middle = Math.floor(texts.length / 2);
  return [
    ...readInHalves(texts.slice(0, middle), chunk),
    ...readInHalves(texts.slice(middle), chunk),
  ];
}

/** Each text's node, when one parse of the batch reads every text as itself. */
function readBatch(texts: readonly string[]): object[] | undefined {
  let sql = BATCH_START;
  const spans = texts.map((text, i) => {
    if (i > 0) sql += AND;
    const start = sql.length;
    sql += `(${text})${PIN}`;
    return { start, end: sql.length };
  });
  let ast: unknown;
  try {
    ast = sqlParser.astify(sql, {
      database: 'postgresql',
      parseOptions: { includeLocations: true },
    });
  } catch {
    return undefined;
  }
  const where = plainWhere(ast);
  const operands = where === undefined ? undefined : andOperands(where, texts.length);
  if (!operands) return undefined;
  const nodes: object[] = [];
  for (const [i, operand] of operands.entries()) {
    const node = pinnedLeft(operand, spans[i] ?? { start: -1, end: -1 }, sql);
    if (!node) return undefined;
    nodes.push(node);
  }
  return nodes;
}

/** The WHERE of a tree that is one plain SELECT. */
function plainWhere(ast: unknown): object | undefined {
  const statements: unknown[] = Array.isArray(ast) ? ast : [ast];
  const first = statements[0] as { type?: unknown; _next?: unknown; where?: unknown } | undefined;
  if (statements.length !== 1 || first?.type !== 'select' || first._next) return undefined;
  return typeof first.where === 'object' && first.where !== null ? first.where : undefined;
}

/** The `count` operands of a chain of ANDs the parser built left to right, in order. */
function andOperands(where: object, count: number): unknown[] | undefined {
  const operands: unknown[] = [];
  let node: unknown = where;
  for (let i = 1; i < count; i += 1) {
    const and = node as Pinned;
    if (and.type !== 'binary_expr' || and.operator !== 'AND' || and.parentheses) return undefined;
    operands.unshift(and.right);
    node = and.left;
  }
  operands.unshift(node);
  return operands;
}

/**
 * The left side of `(text) = 0` when the parser read it from exactly `span` of `sql` (its span
 * may take in the blank after it, before the next AND).
 */
function pinnedLeft(
  operand: unknown,
  span: { start: number; end: number },
  sql: string,
): object | undefined {
  const pin = operand as Pinned | undefined;
  const right = pin?.right as { type?: unknown; value?: unknown } | undefined;
  const left = pin?.left as { parentheses?: unknown } | undefined;
  const end = pin?.loc?.end?.offset;
  const pinned =
    pin?.type === 'binary_expr' &&
    pin.operator === '=' &&
    !pin.parentheses &&
    pin.loc?.start?.offset === span.start &&
    typeof end === 'number' &&
    end >= span.end &&
    sql.slice(span.end, end).trim() === '' &&
    right?.type === 'number' &&
    right.value === 0 &&
    typeof left === 'object' &&
    left.parentheses === true;
  return pinned ? left : undefined;
}
