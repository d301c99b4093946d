import type { DuckDbClient } from '@sluice/engine';

import type { MetaTables } from './meta-schema';
import { ConflictError, NotFoundError } from '../errors';

export interface ExternalStageRecord {
  name: string;
  url: string;
  comment: string;
  createdAt: string;
  updatedAt: string;
}

const selectExternalStage = (
  t: MetaTables,
): string => `SELECT name, url, comment, created_at AS "createdAt",
  updated_at AS "updatedAt" FROM ${t.externalStages}`;

const notFound = (name: string): NotFoundError =>
  new NotFoundError(
    `External stage "${name}" does not exist. Pick one from the list or create it.`,
  );

/** Named storage locations (`sluice.external_stages`). URLs are checked before they get here. */
export class ExternalStagesRepo {
  constructor(
    private readonly db: DuckDbClient,
    private readonly t: MetaTables,
  ) {}

  async list(): Promise<ExternalStageRecord[]> {
    return this.db.query<ExternalStageRecord & Record<string, unknown>>(
      `${selectExternalStage(this.t)} ORDER BY name`,
    );
  }

  async byName(name: string, db: DuckDbClient = this.db): Promise<ExternalStageRecord> {
    const [row] = await db.query<ExternalStageRecord & Record<string, unknown>>(
      `${selectExternalStage(this.t)} WHERE name = ?`,
      [name],
    );
    if (!row) throw notFound(name);
    return row;
  }

  async create(input: {
    name: string;
    url: string;
    comment: string;
  }): Promise<ExternalStageRecord> {
    const now = new Date().toISOString();
    return this.db.transaction(async (tx) => {
      const existing = await tx.query(`${selectExternalStage(this.t)} WHERE name = ?`, [
        input.name,
      ]);
      if (existing.length > 0) {
        throw new ConflictError(`An external stage named "${input.name}" already exists.`);
      }
      await tx.run(`INSERT INTO ${this.t.externalStages} VALUES (?, ?, ?, ?, ?)`, [
        input.name,
        input.url,
        input.comment,
        now,
        now,
      ]);
      return this.byName(input.name, tx);
    });
  }

  async update(input: {
    name: string;
    url?: string;
    comment?: string;
  }): Promise<ExternalStageRecord> {
    const now = new Date().toISOString();
    return this.db.transaction(async (tx) => {
      const current = await this.byName(input.name, tx);
      await tx.run(
        `UPDATE ${this.t.externalStages} SET url = ?, comment = ?, updated_at = ? WHERE name = ?`,
        [input.url ?? current.url, input.comment ?? current.comment, now, input.name],
      );
      return this.byName(input.name, tx);
    });
  }

  async delete(name: string): Promise<void> {
    const removed = await this.db.run(`DELETE FROM ${this.t.externalStages} WHERE name = ?`, [
      name,
    ]);
    if (removed === 0) throw notFound(name);
  }
}
