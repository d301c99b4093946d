import { WHERE_START, whereParser } from './where-parser';

/**
 * The most expressions one parse reads. Each call of the parser costs about as much as reading
 * a short expression (it builds its tables and reads a SELECT around the text), so reading
 * many at once saves about a third of the parsing; beyond a few dozen a call gains nothing,
 * and a batch that fails is read again in halves (see `SPLITS`).
 */
export const PARSE_BATCH = 64;

const AND = ' AND ';
/** Follows a text's parentheses when pinned, so the parser gives it a node with its own span. */
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
 * The texts are first read bare, as `SELECT * FROM t WHERE (t1) AND (t2) AND …`, with the
 * parser's locations on. The parser builds the ANDs as a chain of `not_expr` operands, and
 * gives a node the span of the text it built it from. An operand is used when it is marked as
 * in parentheses and its span is its text's, blanks aside: the parentheses around it are then
 * the ones placed around the text (only blanks lie between), and the operand is what
 * `not_expr` read from the text's opening parenthesis to its closing one. The rules above
 * `not_expr` pass a single operand through unchanged, so that is the WHERE node of the
 * statement alone too. Past the closing parenthesis the parser sees ` AND` here and the end of
 * the text alone: the rules inside `not_expr` that read AND do so only inside a construct
 * opened before it (BETWEEN, a window's frame, a call's arguments, CASE), so both readings
 * stop there with the same node; no action of the grammar reads the text itself (`text()`),
 * only the nodes of its parts.
 *
 * Nodes of some kinds carry no span (a column, a literal, a list): their texts are read again
 * pinned, as `(t1) = 0 AND (t2) = 0 AND …`, where each comparison carries the span of
 * `(tk) = 0`. Such a batch is used when every comparison spans exactly that, compares with the
 * number 0 and has a left side in parentheses (which a chain of comparisons made of text
 * escaping its own parentheses, like `1) = (1`, never has: the parser builds chains without
 * the mark). The left side is then what `additive_expr` read between the parentheses, which
 * the statement alone reads there too; `=` starts only a comparison, one rule above it.
 */
export function parseTogether(texts: readonly string[]): (object | undefined)[] {
  const read: (object | undefined)[] = [];
  for (let from = 0; from < texts.length; from += PARSE_BATCH) {
    const chunk = texts.slice(from, from + PARSE_BATCH);
    const bare = readInHalves(chunk, { form: BARE, failures: 0 });
    const unpinned = chunk.filter((_, i) => bare[i] === UNPINNED);
    const pinned = readInHalves(unpinned, { form: PINNED, failures: 0 });
    let next = 0;
    for (const node of bare) {
      const found = node === UNPINNED ? pinned[next++] : node;
      read.push(found === UNPINNED ? undefined : found);
    }
  }
  return read;
}

/**
 * How many batches of one chunk may fail before a failing batch stops being read again in
 * halves: halving finds one text the parser cannot read in a few parses, but a chunk of many
 * such texts would cost more parses than reading each alone.
 */
const SPLITS = 4;

/** An operand the parser read but whose node carries no span to prove it by. */
const UNPINNED = Symbol('unpinned');

type Read = object | typeof UNPINNED | undefined;

/** How texts are placed in a batch, and how each operand is proven read as its text. */
interface Form {
  around: (text: string) => string;
  prove: (operand: unknown, span: Span, sql: string) => object | typeof UNPINNED;
}

/** Where one text stands in a batch: `start` at the `(` placed before it. */
interface Span {
  start: number;
  /** Just past `(text)`, or past `(text) = 0` when pinned. */
  end: number;
  text: string;
}

const BARE: Form = { around: (text) => `(${text})`, prove: spannedOperand };
const PINNED: Form = {
  around: (text) => `(${text})${PIN}`,
  prove: (operand, span, sql) => pinnedLeft(operand, span, sql) ?? UNPINNED,
};

/** Each text's reading from one parse of them all, or else from reading each half so. */
function readInHalves(texts: readonly string[], chunk: { form: Form; failures: number }): Read[] {
  if (texts.length < 2) return texts.map(() => undefined);
  const nodes = readBatch(texts, chunk.form);
  if (nodes) return nodes;
  chunk.failures += 1;
  if (chunk.failures > SPLITS) return texts.map(() => undefined);
  const middle = Math.floor(texts.length / 2);
  return [
    ...readInHalves(texts.slice(0, middle), chunk),
    ...readInHalves(texts.slice(middle), chunk),
  ];
}

/**
 * Each text's node, or `UNPINNED`, when one parse reads the batch as a chain of one operand
 * per text; pinned, only when every operand is proven.
 */
function readBatch(texts: readonly string[], form: Form): Read[] | undefined {
  let sql = WHERE_START;
  const spans = texts.map((text, i): Span => {
    if (i > 0) sql += AND;
    const start = sql.length;
    sql += form.around(text);
    return { start, end: sql.length, text };
  });
  let ast: unknown;
  try {
    ast = whereParser.astify(sql, {
      database: 'postgresql',
      parseOptions: { includeLocations: true },
    });
  } catch {
    return undefined;
  }
  const where = plainWhere(ast);
  const operands = where === undefined ? undefined : andOperands(where, texts.length);
  if (!operands) return undefined;
  const read = operands.map((operand, i) =>
    form.prove(operand, spans[i] ?? { start: -1, end: -1, text: '' }, sql),
  );
  return form === PINNED && read.includes(UNPINNED) ? undefined : read;
}

/**
 * The operand of a bare batch when it is the text's own node: marked as in parentheses, with a
 * span that starts at the text's first character that is not blank and ends before its `)`,
 * taking in nothing but blanks around the text.
 */
function spannedOperand(operand: unknown, span: Span, sql: string): object | typeof UNPINNED {
  const node = operand as { parentheses?: unknown; loc?: Pinned['loc'] } | undefined;
  const from = node?.loc?.start?.offset;
  const to = node?.loc?.end?.offset;
  if (typeof node !== 'object' || node.parentheses !== true) return UNPINNED;
  if (typeof from !== 'number' || typeof to !== 'number') return UNPINNED;
  const textStart = span.start + 1;
  const textEnd = textStart + span.text.length;
  const first = textStart + (span.text.length - span.text.trimStart().length);
  const last = textStart + span.text.trimEnd().length;
  const blanksOnly = (a: number, b: number) => sql.slice(a, b).trim() === '';
  const spanned =
    from >= textStart &&
    from <= first &&
    blanksOnly(textStart, from) &&
    to >= last &&
    to <= textEnd &&
    blanksOnly(to, textEnd);
  return spanned ? node : UNPINNED;
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
function pinnedLeft(operand: unknown, span: Span, sql: string): object | undefined {
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
