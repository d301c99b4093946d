import type { SqlClient } from '@sluice/engine';
import type { FlowDocument } from '@sluice/flow';
import { migrateFlowDocument } from '@sluice/flow';

import type { MetaTables } from './meta-schema';
import { ConflictError, NotFoundError } from '../errors';
import { flowNameKey, flowNameTaken } from './flow-names';
import { isoOf, stampOf } from './meta-dialect';

export interface FlowRecord {
  id: string;
  name: string;
  version: number;
  document: FlowDocument;
  createdAt: string;
  updatedAt: string;
}

export interface FlowSummary {
  id: string;
  name: string;
  version: number;
  updatedAt: string;
  stageCount: number;
}

interface FlowRow extends Record<string, unknown> {
  id: string;
  name: string;
  version: number;
  document: string;
  created_at: unknown;
  updated_at: unknown;
}

interface SummaryRow extends Record<string, unknown> {
  id: string;
  name: string;
  version: number;
  updated_at: unknown;
  stage_count: number | string | null;
}

// The latest document is kept on the flow's row too: found in `flow_versions` it would cost a
// scan of every saved version on each load.
const selectFlow = (t: MetaTables): string =>
  `SELECT id, name, version, document, created_at, updated_at FROM ${t.flows}`;

const flowNotFound = (id: string): NotFoundError =>
  new NotFoundError(`Flow "${id}" does not exist; it may have been deleted.`);

function toRecord(row: FlowRow): FlowRecord {
  return {
    id: row.id,
    name: row.name,
    version: Number(row.version),
    document: migrateFlowDocument(JSON.parse(row.document)),
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
  };
}

/** Flows and every saved version of their documents (`sluice.flows`, `sluice.flow_versions`). */
export class FlowsRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly t: MetaTables,
  ) {}

  /** Every flow, most recently changed first. */
  async list(): Promise<FlowSummary[]> {
    const rows = await this.db.query<SummaryRow>(
      `SELECT id, name, version, updated_at, stage_count FROM ${this.t.flows}
       ORDER BY updated_at DESC, name`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      version: Number(row.version),
      updatedAt: isoOf(row.updated_at),
      stageCount: Number(row.stage_count ?? 0),
    }));
  }

  /** The latest saved document of every flow (what a start-up sweep needs to know). */
  async latestDocuments(): Promise<FlowDocument[]> {
    const rows = await this.db.query<FlowRow>(selectFlow(this.t));
    return rows.map((row) => toRecord(row).document);
  }

  async byId(id: string, db: SqlClient = this.db): Promise<FlowRecord> {
    const [row] = await db.query<FlowRow>(`${selectFlow(this.t)} WHERE id = ?`, [id]);
    if (!row) throw flowNotFound(id);
    return toRecord(row);
  }

  /** The flow with the document of one saved `version` (a past run's, say) instead of its latest. */
  async atVersion(id: string, version: number): Promise<FlowRecord> {
    const flow = await this.byId(id);
    const [row] = await this.db.query<{ document: string }>(
      `SELECT document FROM ${this.t.flowVersions} WHERE flow_id = ? AND version = ?`,
      [id, version],
    );
    if (!row) {
      throw new NotFoundError(
        `Flow "${flow.name}" has no version ${version}; its versions go up to ${flow.version}.`,
      );
    }
    return { ...flow, version, document: migrateFlowDocument(JSON.parse(row.document)) };
  }

  /** Creates a flow at version 1; a CONFLICT when another flow has the name. */
  async create(input: { id: string; name: string; document: FlowDocument }): Promise<FlowRecord> {
    const now = stampOf();
    const document = JSON.stringify(input.document);
    return this.uniquelyNamed(input.name, async (tx) => {
      await tx.run(
        `INSERT INTO ${this.t.flows}
           (id, name, name_key, version, document, stage_count, created_at, updated_at)
         VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
        [
          input.id,
          input.name,
          flowNameKey(input.name),
          document,
          input.document.stages.length,
          now,
          now,
        ],
      );
      await tx.run(
        `INSERT INTO ${this.t.flowVersions} (flow_id, version, document, saved_at) VALUES (?, 1, ?, ?)`,
        [input.id, document, now],
      );
      return this.byId(input.id, tx);
    });
  }

  /**
   * Runs `write` in a transaction, answering the database's refusal of a second flow with the
   * same name key (the unique key decides even between concurrent requests) with a CONFLICT.
   */
  private async uniquelyNamed<T>(name: string, write: (tx: SqlClient) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(write);
    } catch (error) {
      if (this.t.dialect.isDuplicateKey(error)) throw flowNameTaken(name);
      throw error;
    }
  }

  /**
   * Saves a new version on top of `baseVersion`. Refuses (writing nothing) when someone saved
   * after the editor opened `baseVersion`, so no one's work is silently replaced.
   */
  async save(input: {
    id: string;
    baseVersion: number;
    document: FlowDocument;
  }): Promise<{ version: number; updatedAt: string }> {
    const now = new Date();
    // Written as JSON before the transaction: on DuckDB every other metadata call waits for it.
    const document = JSON.stringify(input.document);
    return this.db.transaction(async (tx) => {
      const version = input.baseVersion + 1;
      // The update takes the row's lock before anything is written, so of two saves on the same
      // base version the second finds the version moved on and changes nothing.
      const changed = await tx.run(
        `UPDATE ${this.t.flows} SET version = ?, document = ?, stage_count = ?, updated_at = ?
         WHERE id = ? AND version = ?`,
        [
          version,
          document,
          input.document.stages.length,
          stampOf(now),
          input.id,
          input.baseVersion,
        ],
      );
      if (changed === 0) {
        const [row] = await tx.query<{ version: number }>(
          `SELECT version FROM ${this.t.flows} WHERE id = ?`,
          [input.id],
        );
        if (!row) throw flowNotFound(input.id);
        throw new ConflictError(
          `This flow was saved elsewhere (now version ${Number(row.version)}) after you opened version ${input.baseVersion}. Reload to see it, or save yours as a copy.`,
        );
      }
      await tx.run(
        `INSERT INTO ${this.t.flowVersions} (flow_id, version, document, saved_at) VALUES (?, ?, ?, ?)`,
        [input.id, version, document, stampOf(now)],
      );
      return { version, updatedAt: now.toISOString() };
    });
  }

  /**
   * Saves the document of a past `version` as a new version on top of `baseVersion`, so nothing
   * is overwritten; refused like any stale save.
   */
  async restore(input: {
    id: string;
    version: number;
    baseVersion: number;
  }): Promise<{ version: number; updatedAt: string }> {
    const past = await this.atVersion(input.id, input.version);
    return this.save({ id: input.id, baseVersion: input.baseVersion, document: past.document });
  }

  /** Renames a flow; a CONFLICT when another flow has the name. */
  async rename(input: { id: string; name: string }): Promise<FlowRecord> {
    const now = stampOf();
    return this.uniquelyNamed(input.name, async (tx) => {
      await this.byId(input.id, tx);
      await tx.run(
        `UPDATE ${this.t.flows} SET name = ?, name_key = ?, updated_at = ? WHERE id = ?`,
        [input.name, flowNameKey(input.name), now, input.id],
      );
      return this.byId(input.id, tx);
    });
  }

  /** Deletes the flow with all its versions and runs. */
  async delete(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.byId(id, tx);
      await tx.run(
        `DELETE FROM ${this.t.runStages} WHERE run_id IN (SELECT id FROM ${this.t.runs} WHERE flow_id = ?)`,
        [id],
      );
      await tx.run(`DELETE FROM ${this.t.runs} WHERE flow_id = ?`, [id]);
      await tx.run(`DELETE FROM ${this.t.flowVersions} WHERE flow_id = ?`, [id]);
      await tx.run(`DELETE FROM ${this.t.flows} WHERE id = ?`, [id]);
    });
  }

  /** Every saved version's number and time, newest first, without the documents. */
  async savedVersions(id: string): Promise<{ version: number; savedAt: string }[]> {
    await this.byId(id);
    const rows = await this.db.query<{ version: number; saved_at: unknown }>(
      `SELECT version, saved_at FROM ${this.t.flowVersions} WHERE flow_id = ? ORDER BY version DESC`,
      [id],
    );
    return rows.map((row) => ({ version: Number(row.version), savedAt: isoOf(row.saved_at) }));
  }

  /** The documents of the saved versions `from` to `to`, by version. */
  async documentsBetween(
    id: string,
    { from, to }: { from: number; to: number },
  ): Promise<Map<number, FlowDocument>> {
    const rows = await this.db.query<{ version: number; document: string }>(
      `SELECT version, document FROM ${this.t.flowVersions} WHERE flow_id = ? AND version BETWEEN ? AND ?`,
      [id, from, to],
    );
    return new Map(
      rows.map((row) => [Number(row.version), migrateFlowDocument(JSON.parse(row.document))]),
    );
  }
}
