import { hkdfSync } from 'node:crypto';

import { ConfigError } from './config-error';

/** Fewer characters than this cannot carry the 256 bits an AES-256 key needs. */
export const MIN_SECRET_KEY_LENGTH = 32;

/**
 * Derives the AES-256 key that encrypts external-stage credentials from `SLUICE_SECRET_KEY`:
 * any text of at least 32 characters (for example the output of `openssl rand -base64 32`),
 * stretched with HKDF-SHA256. The same text always gives the same key, so keep it: credentials
 * saved under one key cannot be read under another.
 */
export function deriveSecretKey(text: string): Buffer {
  if (text.length < MIN_SECRET_KEY_LENGTH) {
    throw new ConfigError(
      `SLUICE_SECRET_KEY must be at least ${MIN_SECRET_KEY_LENGTH} characters (it has ${text.length}); generate one with: openssl rand -base64 32`,
    );
  }
  const key = hkdfSync('sha256', text, 'sluice', 'external stage credentials', 32);
  return Buffer.from(key);
}
