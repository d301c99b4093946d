import type { ExternalStageChange, ExternalStageSpec } from '@sluice/compiler';
import type { Target } from '@sluice/engine';
import { CREDENTIAL_KEYS, maskCredentials } from '@sluice/compiler';

import type { ExternalStagesRepo, StoredExternalStage } from '../repos/external-stages.repo';
import type { CredentialCipher } from './credential-cipher';
import type {
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
import { ConflictError, InvalidRequestError, TargetStatementError } from '../errors';
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
}

export interface ExternalStageServiceDeps {
  repo: ExternalStagesRepo;
  cipher: CredentialCipher;
  target: Pick<Target, 'execute'>;
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
