import type { SqlClient } from '@sluice/engine';

import type {
  ExternalStageRecord,
  SecretKey,
  StageSettings,
} from '../external-stages/external-stage-types';
import type { MetaTables } from './meta-schema';
import { ConflictError, NotFoundError } from '../errors';
import { kindOfUrl, SECRET_KEYS, SETTING_KEYS } from '../external-stages/external-stage-types';
import { isoOf, stampOf } from './meta-dialect';

/** What is stored for one external stage; `sealedSecrets` is the cipher's text, never plain. */
export interface StoredExternalStage {
  name: string;
  url: string;
  comment: string;
  settings: StageSettings;
  secretNames: SecretKey[];
  sealedSecrets: string | null;
}

interface StageRow extends Record<string, unknown> {
  name: string;
  url: string;
  comment: string;
  created_at: unknown;
  updated_at: unknown;
  settings: string | null;
  secret_names: string | null;
  secrets: string | null;
  disabled_at: unknown;
}

const SELECT_COLUMNS =
  'name, url, comment, created_at, updated_at, settings, secret_names, secrets, disabled_at';

function settingsOf(text: string | null): StageSettings {
  if (text === null || text === '') return {};
  const parsed = JSON.parse(text) as Record<string, unknown>;
  const settings: StageSettings = {};
  for (const key of SETTING_KEYS) {
    const value = parsed[key];
    if (typeof value === 'string') settings[key] = value;
  }
  return settings;
}

function secretNamesOf(text: string | null): SecretKey[] {
  const names = (text ?? '').split(',');
  return SECRET_KEYS.filter((key) => names.includes(key));
}

function toStored(row: StageRow): StoredExternalStage & ExternalStageRecord {
  const secretNames = secretNamesOf(row.secret_names);
  return {
    name: row.name,
    url: row.url,
    comment: row.comment,
    createdAt: isoOf(row.created_at),
    updatedAt: isoOf(row.updated_at),
    kind: kindOfUrl(row.url),
    settings: settingsOf(row.settings),
    secretsSet: secretNames,
    enabled: row.disabled_at === null || row.disabled_at === undefined,
    secretNames,
    sealedSecrets: row.secrets,
  };
}

/** The API's view of a stored external stage: no sealed secrets. */
function publicRecord(stage: ExternalStageRecord): ExternalStageRecord {
  const { name, url, comment, createdAt, updatedAt, kind, settings, secretsSet, enabled } = stage;
  return { name, url, comment, createdAt, updatedAt, kind, settings, secretsSet, enabled };
}

const notFound = (name: string): NotFoundError =>
  new NotFoundError(
    `External stage "${name}" does not exist. Pick one from the list or create it.`,
  );

function values(stage: StoredExternalStage): (string | null)[] {
  return [
    stage.url,
    stage.comment,
    JSON.stringify(stage.settings),
    stage.secretNames.join(','),
    stage.sealedSecrets,
  ];
}

/**
 * Named storage locations (`external_stages`). URLs, credentials and encryption are checked
 * and done by the external stage service before anything gets here.
 */
export class ExternalStagesRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly t: MetaTables,
  ) {}

  async list(): Promise<ExternalStageRecord[]> {
    const rows = await this.db.query<StageRow>(
      `SELECT ${SELECT_COLUMNS} FROM ${this.t.externalStages} ORDER BY name`,
    );
    return rows.map((row) => publicRecord(toStored(row)));
  }

  async byName(name: string): Promise<ExternalStageRecord> {
    return publicRecord(await this.stored(name));
  }

  /** Everything stored for the stage, sealed secrets included: for the server's own use. */
  async stored(
    name: string,
    db: SqlClient = this.db,
  ): Promise<StoredExternalStage & ExternalStageRecord> {
    const [row] = await db.query<StageRow>(
      `SELECT ${SELECT_COLUMNS} FROM ${this.t.externalStages} WHERE name = ?`,
      [name],
    );
    if (!row) throw notFound(name);
    return toStored(row);
  }

  /** Saves a new stage; a CONFLICT when the name is taken, which the name's key decides. */
  async create(stage: StoredExternalStage): Promise<ExternalStageRecord> {
    const now = stampOf();
    try {
      return await this.db.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO ${this.t.externalStages}
             (url, comment, settings, secret_names, secrets, name, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [...values(stage), stage.name, now, now],
        );
        return publicRecord(await this.stored(stage.name, tx));
      });
    } catch (error) {
      if (this.t.dialect.isDuplicateKey(error)) {
        throw new ConflictError(
          `An external stage named "${stage.name}" already exists; choose another name.`,
        );
      }
      throw error;
    }
  }

  /** Replaces everything stored for the stage except its name and creation time. */
  async update(stage: StoredExternalStage): Promise<ExternalStageRecord> {
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(
        `UPDATE ${this.t.externalStages}
         SET url = ?, comment = ?, settings = ?, secret_names = ?, secrets = ?, updated_at = ?
         WHERE name = ?`,
        [...values(stage), stampOf(), stage.name],
      );
      if (changed === 0) throw notFound(stage.name);
      return publicRecord(await this.stored(stage.name, tx));
    });
  }

  /** Turns the stage on (no `disabled_at`) or off (now); NOT_FOUND when it is not stored. */
  async setEnabled(name: string, enabled: boolean): Promise<ExternalStageRecord> {
    return this.db.transaction(async (tx) => {
      const now = stampOf();
      const changed = await tx.run(
        `UPDATE ${this.t.externalStages} SET disabled_at = ?, updated_at = ? WHERE name = ?`,
        [enabled ? null : now, now, name],
      );
      if (changed === 0) throw notFound(name);
      return publicRecord(await this.stored(name, tx));
    });
  }

  async delete(name: string): Promise<void> {
    const removed = await this.db.run(`DELETE FROM ${this.t.externalStages} WHERE name = ?`, [
      name,
    ]);
    if (removed === 0) throw notFound(name);
  }
}
