import type { Column, ColumnType, CsvFormat, Expr, TableRef } from '@sluice/stages';

import type { DialectName } from '../plan';

/** A staged relation a plan creates; cleanup drops it with the matching statement. */
export interface StagedRelation {
  name: string;
  kind: 'table' | 'view';
}

/** One statement of a table write; `kind` names the step (`create:`, `check:`, `write:`). */
export interface WriteStatement {
  kind: 'create' | 'check' | 'write';
  sql: string;
}

/**
 * What every dialect shares: quoting identifiers, the one audited literal function, and the
 * neutral-to-native type mapping. A dialect file overrides what its database spells differently
 * (Kysely's base query compiler plus per-dialect overrides).
 */
export abstract class Dialect {
  abstract readonly name: DialectName;

  /** Native spelling of each neutral column type. */
  protected abstract readonly types: Readonly<Record<ColumnType, string>>;

  /**
   * The one audited function that turns a value into a string literal. Every value that reaches
   * SQL text goes through it; each dialect documents its database's escaping rules.
   */
  abstract literal(value: string): string;

  /** Loads a delimited file at `local` into the new staging table `table`. */
  abstract loadFile(args: {
    table: string;
    local: string;
    format: CsvFormat;
    columns: readonly Column[];
  }): string;

  /** The statements that write relation `source` into a destination table, in order. */
  abstract writeTable(args: {
    source: string;
    table: TableRef;
    mode: 'append' | 'overwrite';
    createIfMissing: boolean;
  }): WriteStatement[];

  /** Writes relation `source` as a delimited file at `local`. */
  abstract exportFile(args: { source: string; local: string; format: CsvFormat }): string;

  /**
   * Quotes an identifier in SQL-standard double quotes, doubling any `"` inside, so any name
   * (quotes, backticks, backslashes, unicode) round-trips exactly.
   */
  quoteIdentifier(name: string): string {
    assertNoNul(name, 'A name');
    return `"${name.replaceAll('"', '""')}"`;
  }

  /** A table reference, schema-qualified when a schema is given. */
  quoteTable(table: TableRef): string {
    const name = this.quoteIdentifier(table.name);
    return table.schema ? `${this.quoteIdentifier(table.schema)}.${name}` : name;
  }

  /** A view over staged relation `source`: all columns or the given ones, optionally filtered. */
  createView(args: {
    view: string;
    source: string;
    columns: 'all' | readonly { expr: Expr; as: string }[];
    where?: Expr;
  }): string {
    const list =
      args.columns === 'all'
        ? '*'
        : args.columns
            .map((c) => `${this.expr(c.expr)} AS ${this.quoteIdentifier(c.as)}`)
            .join(', ');
    const where = args.where ? ` WHERE ${this.expr(args.where)}` : '';
    return `CREATE VIEW ${this.quoteIdentifier(args.view)} AS SELECT ${list} FROM ${this.quoteIdentifier(args.source)}${where}`;
  }

  /** A query returning one row with the number of rows in a relation. */
  countRows(relation: string): string {
    return `SELECT count(*) FROM ${this.quoteIdentifier(relation)}`;
  }

  /** Drops a staged relation, tolerating its absence (cleanup runs after failures too). */
  dropRelation(relation: StagedRelation): string {
    const kind = relation.kind === 'view' ? 'VIEW' : 'TABLE';
    return `DROP ${kind} IF EXISTS ${this.quoteIdentifier(relation.name)}`;
  }

  /**
   * A value expression. User SQL is parenthesized so it binds as one operand; it has been checked
   * by `checkSqlExpression`, which guarantees it cannot close those parentheses.
   */
  expr(expr: Expr): string {
    return expr.kind === 'column' ? this.quoteIdentifier(expr.name) : `(${expr.sql})`;
  }

  /** A boolean or whole-number value; never user text, so nothing to escape. */
  scalar(value: boolean | number): string {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new Error(`Expected a whole number, got ${String(value)}.`);
    }
    return String(value);
  }

  /** The native type for a neutral column type. */
  columnType(type: ColumnType): string {
    return this.types[type];
  }
}

/** NUL cannot be represented in SQL text; configs reject it, so reaching here is a bug. */
export function assertNoNul(value: string, what: string): void {
  if (value.includes('\0')) throw new Error(`${what} cannot contain a NUL character.`);
}
