import type { FlowDocument } from './flow-schema';
import { FLOW_SCHEMA_VERSION, FlowDocumentSchema } from './flow-schema';

/** A named, pure step from one document version to the next. */
export interface DocumentMigration {
  id: string;
  from: number;
  up: (doc: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Every document migration, in order. Version 1 is the first shape; the list grows by one entry
 * per bump of FLOW_SCHEMA_VERSION.
 */
export const DOCUMENT_MIGRATIONS: readonly DocumentMigration[] = [];

/** Why a stored document could not be brought up to date. */
export class DocumentVersionError extends Error {
  override name = 'DocumentVersionError';
}

/**
 * Brings a stored document (of any known version) to the current shape and validates it.
 * Throws `DocumentVersionError` for documents from a newer Sluice and the zod error for
 * malformed ones. `migrations` is the list to apply, `DOCUMENT_MIGRATIONS` unless a test brings
 * its own.
 */
export function migrateFlowDocument(
  raw: unknown,
  migrations: readonly DocumentMigration[] = DOCUMENT_MIGRATIONS,
): FlowDocument {
  if (typeof raw !== 'object' || raw === null)
    throw new DocumentVersionError('A flow document must be an object.');
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 1;
  if (version > FLOW_SCHEMA_VERSION) {
    throw new DocumentVersionError(
      `This flow was saved by a newer Sluice (document version ${version}; this one reads up to ${FLOW_SCHEMA_VERSION}).`,
    );
  }
  for (const migration of migrations) {
    if (migration.from !== version) continue;
    doc = migration.up(doc);
    version += 1;
  }
  return FlowDocumentSchema.parse({ ...doc, schemaVersion: version });
}
