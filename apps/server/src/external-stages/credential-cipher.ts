import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import type { StageSecrets } from './external-stage-types';
import { InvalidRequestError } from '../errors';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Marks the layout below, so a later change of algorithm can tell old texts apart. */
const VERSION = 'v1';

const NO_KEY =
  'Set SLUICE_SECRET_KEY (at least 32 characters, e.g. the output of `openssl rand -base64 32`) and restart Sluice to store or use external stage credentials.';

/**
 * Encrypts external-stage secrets at rest with AES-256-GCM under the key derived from
 * `SLUICE_SECRET_KEY`. Each text is `v1:` + base64(iv | tag | ciphertext); the stage name is
 * the additional authenticated data, so a sealed text copied onto another stage fails to open.
 */
export class CredentialCipher {
  constructor(private readonly key: Buffer | undefined) {}

  seal(secrets: StageSecrets, stageName: string): string {
    const key = this.requireKey();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv);
    cipher.setAAD(Buffer.from(stageName, 'utf8'));
    const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string, stageName: string): StageSecrets {
    const key = this.requireKey();
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64');
    try {
      if (!sealed.startsWith(`${VERSION}:`)) throw new Error('unknown layout');
      const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(stageName, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      return JSON.parse(plain) as StageSecrets;
    } catch (error) {
      throw new InvalidRequestError(
        `The credentials of external stage "${stageName}" cannot be decrypted with this SLUICE_SECRET_KEY: start Sluice with the key they were saved under, or enter the key id and secret key again.`,
        undefined,
        { cause: error },
      );
    }
  }

  private requireKey(): Buffer {
    if (this.key === undefined) throw new InvalidRequestError(NO_KEY);
    return this.key;
  }
}
