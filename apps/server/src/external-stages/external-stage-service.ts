import type { ExternalStageChange, ExternalStageSpec, ListedStage } from '@sluice/compiler';
import type { SqlClient, Target } from '@sluice/engine';
import { CREDENTIAL_KEYS, maskCredentials } from '@sluice/compiler';

import type { ExternalStagesRepo, StoredExternalStage } from '../repos/external-stages.repo';
import type { CredentialCipher } from './credential-cipher';
import type {
  AdoptExternalStageInput,
  CreateExternalStageInput,
  CredentialsInput,
  UpdateExternalStageInput,
} from './external-stage-input';
import type {
  ExternalStageKind,
  ExternalStageRecord,
  StageSecrets,
  StageSettings,
} from './external-stage-types';
import { ConflictError, InvalidRequestError, NotFoundError, TargetStatementError } from '../errors';
import { logger } from '../logger';
import { SECRET_KEYS, SETTING_KEYS } from './external-stage-types';
import { checkStageUrl, parseSubStageUrl } from './external-stage-url';
import { checkMatrixOneStageValues } from './matrixone-stage-values';
import { rootOf } from './stage-chain';

/** MatrixOne's external stage statements, as the compiler's matrixone dialect writes them. */
export interface ExternalStageDdl {
  create(stage: ExternalStageSpec): string;
  alter(name: string, change: ExternalStageChange): string[];
  drop(name: string): string;
  /** The statement listing the server's stages, and how one of its rows reads. */
  list: string;
  listed(row: Readonly<Record<string, unknown>>): ListedStage;
}

/** A stage on the MatrixOne server, and whether Sluice has it already. */
export interface ServerStage extends ListedStage {
  adopted: boolean;
}

export interface ExternalStageServiceDeps {
  repo: ExternalStagesRepo;
  cipher: CredentialCipher;
  /** Statements go through `execute`; SHOW STAGES reads through `meta`. */
  target: Pick<Target, 'execute'> & { meta: Pick<SqlClient, 'query'> };
  fileRoots: readonly string[];
  /** Set on MatrixOne targets, where each external stage is also a stage on the server. */
  ddl?: ExternalStageDdl;
}

/** Everything but COMPRESSION: loads and exports through an S3 stage need them all (§1.3). */
const REQUIRED_FOR_S3 = CREDENTIAL_KEYS.filter((key) => key !== 'COMPRESSION');

function split(credentials: CredentialsInput = {}): {
  settings: StageSettings;
  secrets: StageSecrets;
} {
  const settings: StageSettings = {};
  const secrets: StageSecrets = {};
  for (const key of SETTING_KEYS)
    if (credentials[key] !== undefined) settings[key] = credentials[key];
  for (const key of SECRET_KEYS)
    if (credentials[key] !== undefined) secrets[key] = credentials[key];
  return { settings, secrets };
}

const hasKeys = (value: object): boolean => Object.keys(value).length > 0;

/** Refuses credentials a kind cannot take, and an S3 stage missing any of the five it needs. */
function checkCredentials(
  kind: ExternalStageKind,
  stage: { settings: StageSettings; secretNames: readonly string[] },
): void {
  const present = [...Object.keys(stage.settings), ...stage.secretNames];
  if (kind !== 's3') {
    if (present.length > 0) {
      throw new InvalidRequestError(
        `${kind}:// external stages take no credentials; remove ${present.join(', ')}.`,
      );
    }
    return;
  }
  // MatrixOne checks none of them at CREATE and fails only when the stage is used
  // (sql-reference.md §1.3), so Sluice asks for all five up front.
  const missing = REQUIRED_FOR_S3.filter((key) => !present.includes(key));
  if (missing.length > 0) {
    throw new InvalidRequestError(`An s3:// external stage needs ${missing.join(', ')} too.`);
  }
}

/**
 * Creates, changes and deletes external stages: checks URLs and credentials, encrypts secrets,
 * and on MatrixOne keeps the server's own stage in step (created after the metadata row claimed
 * the name, which is removed again if MatrixOne refuses; one ALTER STAGE per changed option;
 * DROP STAGE on delete).
 */
export class ExternalStageService {
  constructor(private readonly deps: ExternalStageServiceDeps) {}

  list(): Promise<ExternalStageRecord[]> {
    return this.deps.repo.list();
  }

  byName(name: string): Promise<ExternalStageRecord> {
    return this.deps.repo.byName(name);
  }

  async create(input: CreateExternalStageInput): Promise<ExternalStageRecord> {
    const { repo, cipher, ddl } = this.deps;
    const { kind, url } = await this.checkUrl(input.name, input.url);
    const { settings, secrets } = split(input.credentials);
    const stage: StoredExternalStage = {
      name: input.name,
      url,
      comment: input.comment ?? '',
      settings,
      secretNames: SECRET_KEYS.filter((key) => secrets[key] !== undefined),
      sealedSecrets: hasKeys(secrets) ? cipher.seal(secrets, input.name) : null,
    };
    checkCredentials(kind, stage);
    if (ddl) {
      checkMatrixOneStageValues({ ...stage, credentials: { ...settings, ...secrets } });
    }
    // The saved row claims the name first, so of two concurrent creates the loser gets its
    // CONFLICT before touching MatrixOne and never drops the winner's server stage.
    const created = await repo.create(stage);
    if (!ddl) return created;
    const credentials = { ...settings, ...secrets };
    try {
      await this.execute(
        ddl.create({ name: stage.name, url, comment: stage.comment, credentials }),
        secrets,
      );
    } catch (error) {
      await repo
        .delete(input.name)
        .catch((deleteError: unknown) =>
          logger.error(`External stage "${input.name}" is left in the metadata`, deleteError),
        );
      throw error;
    }
    return created;
  }

  async update(input: UpdateExternalStageInput): Promise<ExternalStageRecord> {
    const { repo, cipher, ddl } = this.deps;
    const current = await repo.stored(input.name);
    const { kind, url } =
      input.url === undefined
        ? { kind: current.kind, url: current.url }
        : await this.checkUrl(input.name, input.url);
    const given = split(input.credentials);
    const credentialsGiven = hasKeys(given.settings) || hasKeys(given.secrets);
    // Moving to a file:// or stage:// URL leaves the S3 credentials behind.
    const kept = kind === current.kind ? current : { settings: {}, secretNames: [] };
    const settings = { ...kept.settings, ...given.settings };
    const opened =
      credentialsGiven && current.sealedSecrets !== null && kind === current.kind
        ? cipher.open(current.sealedSecrets, input.name)
        : {};
    const secrets = { ...opened, ...given.secrets };
    let sealedSecrets = kind === current.kind ? current.sealedSecrets : null;
    if (credentialsGiven)
      sealedSecrets = hasKeys(secrets) ? cipher.seal(secrets, input.name) : null;
    const stage: StoredExternalStage = {
      name: input.name,
      url,
      comment: input.comment ?? current.comment,
      settings,
      secretNames: credentialsGiven
        ? SECRET_KEYS.filter((key) => secrets[key] !== undefined)
        : [...kept.secretNames],
      sealedSecrets,
    };
    checkCredentials(kind, stage);
    if (ddl) {
      checkMatrixOneStageValues({
        url,
        comment: stage.comment,
        credentials: { ...given.settings, ...given.secrets },
      });
      const changes: ExternalStageChange = {
        ...(url === current.url ? {} : { url }),
        ...(stage.comment === current.comment ? {} : { comment: stage.comment }),
        ...(credentialsGiven || kind !== current.kind
          ? { credentials: { ...settings, ...secrets } }
          : {}),
      };
      for (const statement of ddl.alter(input.name, changes)) {
        await this.execute(statement, secrets);
      }
    }
    return repo.update(stage);
  }

  /**
   * Turns a stage on or off. On MatrixOne its own stage follows (`ALTER STAGE … SET ENABLE`),
   * though MatrixOne does not enforce it (sql-reference.md §1.4): Sluice refuses flows that use
   * a disabled stage itself.
   */
  async setEnabled(name: string, enabled: boolean): Promise<ExternalStageRecord> {
    const { repo, ddl } = this.deps;
    const current = await repo.stored(name);
    if (current.enabled === enabled) return repo.byName(name);
    if (ddl) for (const statement of ddl.alter(name, { enabled })) await this.execute(statement);
    return repo.setEnabled(name, enabled);
  }

  /** The stages on the MatrixOne server (`SHOW STAGES`), each saying whether Sluice has it. */
  async serverStages(): Promise<ServerStage[]> {
    const { ddl, target, repo } = this.deps;
    if (!ddl) {
      throw new InvalidRequestError(
        'Only a MatrixOne server has stages of its own; here external stages live in Sluice only.',
      );
    }
    let rows: Record<string, unknown>[];
    try {
      rows = await target.meta.query(ddl.list);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new TargetStatementError(`MatrixOne refused SHOW STAGES: ${reason}`, {
        cause: error,
      });
    }
    const saved = new Set((await repo.list()).map((stage) => stage.name));
    return rows.map((row) => {
      const listed = ddl.listed(row);
      return { ...listed, adopted: saved.has(listed.name) };
    });
  }

  /**
   * Records a stage that exists on the MatrixOne server in Sluice, without creating or changing
   * it there: its URL, comment and status as SHOW STAGES gives them. MatrixOne never shows a
   * stage's credentials, so those given here are only what Sluice will send with a later change.
   */
  async adopt(input: AdoptExternalStageInput): Promise<ExternalStageRecord> {
    const { repo, cipher } = this.deps;
    const listed = (await this.serverStages()).find((stage) => stage.name === input.name);
    if (!listed) {
      throw new NotFoundError(
        `MatrixOne has no stage "${input.name}"; refresh the list of the server's stages.`,
      );
    }
    if (listed.adopted) {
      throw new ConflictError(`External stage "${input.name}" is already in Sluice.`);
    }
    const { kind, url } = await this.checkUrl(input.name, listed.url);
    const { settings, secrets } = split(input.credentials);
    const stage: StoredExternalStage = {
      name: input.name,
      url,
      comment: listed.comment,
      settings,
      secretNames: SECRET_KEYS.filter((key) => secrets[key] !== undefined),
      sealedSecrets: hasKeys(secrets) ? cipher.seal(secrets, input.name) : null,
    };
    // Credentials are optional here: the server already holds its own.
    if (hasKeys(settings) || hasKeys(secrets)) checkCredentials(kind, stage);
    const adopted = await repo.create(stage);
    return listed.enabled ? adopted : repo.setEnabled(input.name, false);
  }

  async delete(name: string): Promise<void> {
    const { repo, ddl } = this.deps;
    await repo.stored(name);
    const children = (await repo.list()).filter(
      (stage) => stage.kind === 'stage' && parseSubStageUrl(stage.url).parent === name,
    );
    if (children.length > 0) {
      const names = children.map((stage) => `"${stage.name}"`).join(', ');
      throw new ConflictError(
        `External stage "${name}" holds ${names} (stage://${name}/…); delete or repoint them first.`,
      );
    }
    if (ddl) await this.execute(ddl.drop(name));
    await repo.delete(name);
  }

  /** The URL checked for the target; a stage:// URL must lead to real storage, without a cycle. */
  private async checkUrl(
    name: string,
    url: string,
  ): Promise<{ kind: ExternalStageKind; url: string }> {
    const checked = await checkStageUrl(url, {
      fileRoots: this.deps.fileRoots,
      filesOnThisMachine: this.deps.ddl === undefined,
    });
    if (checked.kind === 'stage') {
      const others = (await this.deps.repo.list()).filter((stage) => stage.name !== name);
      rootOf(name, [...others, { name, url: checked.url }]);
    }
    return checked;
  }

  /**
   * Runs a MatrixOne statement, turning the server's refusal into a typed error. A parse error
   * may quote the statement, credentials included, so the reason reaches the browser masked.
   */
  private async execute(sql: string, secrets: StageSecrets = {}): Promise<void> {
    try {
      await this.deps.target.execute(sql);
    } catch (error) {
      const said = maskCredentials(error instanceof Error ? error.message : String(error));
      const reason = Object.values(secrets).reduce(
        (text, secret) => text.replaceAll(secret, '***'),
        said,
      );
      const verb = /^\s*(\w+\s+\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'The statement';
      throw new TargetStatementError(`MatrixOne refused ${verb}: ${reason}`, { cause: error });
    }
  }
}
