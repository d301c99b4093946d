/**
 * The flow file: one flow as a JSON file a person can review, keep in git and import into
 * another Sluice. It holds the document with its schema version and names the external stages
 * the flow reads and writes; their URLs and credentials stay on each Sluice, so a file never
 * carries a secret.
 */
import { z } from 'zod';

import type { FlowDocument } from './flow-schema';
import type { DocumentMigration } from './migrations';
import { FLOW_SCHEMA_VERSION, FlowNameSchema } from './flow-schema';
import { DOCUMENT_MIGRATIONS, DocumentVersionError, migrateFlowDocument } from './migrations';

export const FLOW_FILE_FORMAT = 'sluice-flow';

/** What a flow file's name ends with, so people and tools know it at a glance. */
export const FLOW_FILE_EXTENSION = '.sluice.json';

/** The longest flow file description: a paragraph about what the flow is for. */
export const FLOW_FILE_DESCRIPTION_MAX = 2000;

export interface FlowFile {
  format: typeof FLOW_FILE_FORMAT;
  /** The document's schema version, `FLOW_SCHEMA_VERSION` of the Sluice that wrote the file. */
  schemaVersion: number;
  name: string;
  description?: string;
  document: FlowDocument;
  /** The external stages the flow names, sorted; each Sluice has its own under these names. */
  externalStages: string[];
}

/** One problem of a flow file, at its place in the file (`document.stages.2.config.path`). */
export interface FlowFileIssue {
  path: (string | number)[];
  message: string;
}

/** A flow file that cannot be written or read as it is; `issues` says where and why. */
export class FlowFileError extends Error {
  override name = 'FlowFileError';

  constructor(readonly issues: readonly FlowFileIssue[]) {
    super(
      `The flow file has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}: ${issues
        .map(formatFlowFileIssue)
        .join('; ')}`,
    );
  }
}

/** `document.stages.0.id: Duplicate stage id "a"`, or the message alone for the whole file. */
export function formatFlowFileIssue(issue: FlowFileIssue): string {
  return issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`;
}

const EnvelopeSchema = z.object({
  format: z.literal(FLOW_FILE_FORMAT, `Not a Sluice flow file: "format" must be "sluice-flow"`),
  schemaVersion: z.number().int().min(0),
  name: FlowNameSchema,
  description: z.string().max(FLOW_FILE_DESCRIPTION_MAX).optional(),
  document: z.record(z.string(), z.unknown()),
  externalStages: z.array(z.string().min(1).max(200)).max(500),
});

/**
 * Config keys that name a secret. No stage type has one (credentials live on external stages,
 * encrypted), so a document with one was written by hand or by another tool, and is refused.
 */
const CREDENTIAL_KEY =
  /pass(word|wd|phrase)?$|secret|token|credential|api[-_]?key|access[-_]?key|private[-_]?key/i;

/** `scheme://user:password@host`: a URL that carries its password. */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/@:]*:[^\s/@]+@/i;

/** Where a search for secrets is, and whether its keys are config keys that may name one. */
interface Search {
  path: (string | number)[];
  found: FlowFileIssue[];
  checkKeys: boolean;
}

function credentialsIn(value: unknown, { path, found, checkKeys }: Search): void {
  if (typeof value === 'string') {
    if (URL_WITH_PASSWORD.test(value)) {
      found.push({
        path,
        message:
          'This value is a URL with a password; a flow file never carries secrets. Put the credentials on an external stage and name it instead.',
      });
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, inner] of Object.entries(value)) {
    const at = [...path, Array.isArray(value) ? Number(key) : key];
    if (checkKeys && !Array.isArray(value) && CREDENTIAL_KEY.test(key)) {
      found.push({
        path: at,
        message: `"${key}" looks like a credential; a flow file never carries secrets. Remove it, and keep credentials on an external stage.`,
      });
      continue;
    }
    credentialsIn(inner, { path: at, found, checkKeys });
  }
}

/**
 * Everything in a document that looks like a secret: credential-like keys in stage configs and
 * URLs with a password anywhere (labels, notes and SQL included), at their paths in the file.
 */
export function credentialIssues(document: unknown, description?: string): FlowFileIssue[] {
  const found: FlowFileIssue[] = [];
  if (description !== undefined)
    credentialsIn(description, { path: ['description'], found, checkKeys: false });
  if (typeof document !== 'object' || document === null) return found;
  const { stages, ...rest } = document as Record<string, unknown>;
  if (Array.isArray(stages)) {
    stages.forEach((stage, i) => {
      if (typeof stage !== 'object' || stage === null) return;
      const { config, ...fields } = stage as Record<string, unknown>;
      credentialsIn(fields, { path: ['document', 'stages', i], found, checkKeys: false });
      credentialsIn(config, { path: ['document', 'stages', i, 'config'], found, checkKeys: true });
    });
  }
  credentialsIn(rest, { path: ['document'], found, checkKeys: false });
  return found;
}

/**
 * The file of a flow. Refuses (`FlowFileError`) a document that looks like it carries a secret,
 * so nothing leaves Sluice with one.
 * @example writeFlowFile({ name: 'Paid orders', document, externalStages: ['samples'] })
 */
export function writeFlowFile(input: {
  name: string;
  description?: string;
  document: FlowDocument;
  externalStages: readonly string[];
}): FlowFile {
  const issues = credentialIssues(input.document, input.description);
  if (issues.length > 0) throw new FlowFileError(issues);
  return {
    format: FLOW_FILE_FORMAT,
    schemaVersion: input.document.schemaVersion,
    name: input.name,
    ...(input.description === undefined ? {} : { description: input.description }),
    document: input.document,
    externalStages: [...new Set(input.externalStages)].sort(),
  };
}

/** The JSON text of a flow file, indented so a diff of two versions reads line by line. */
export function flowFileText(file: FlowFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadFlowFileResult =
  | {
      ok: true;
      file: FlowFile;
      /** The schema version the file was written with, when its document was migrated. */
      migratedFrom?: number;
    }
  | { ok: false; issues: FlowFileIssue[] };

const zodIssues = (error: z.ZodError, prefix: (string | number)[]): FlowFileIssue[] =>
  error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
    message: issue.message,
  }));

function parseJson(
  json: string,
): { ok: true; value: unknown } | { ok: false; issues: FlowFileIssue[] } {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'unreadable';
    return { ok: false, issues: [{ path: [], message: `The file is not JSON (${reason}).` }] };
  }
}

/**
 * Reads a flow file (its text, or the value it parses to): checks the envelope, refuses secrets,
 * migrates a document from an older Sluice and validates it, and returns every problem found
 * with its path in the file. It never throws for bad input.
 * @example readFlowFile(await readFile('paid-orders.sluice.json', 'utf8'))
 */
export function readFlowFile(
  input: unknown,
  migrations: readonly DocumentMigration[] = DOCUMENT_MIGRATIONS,
): ReadFlowFileResult {
  let raw = input;
  if (typeof input === 'string') {
    const parsed = parseJson(input);
    if (!parsed.ok) return parsed;
    raw = parsed.value;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issues: [{ path: [], message: 'A flow file is a JSON object.' }] };
  }
  const envelope = EnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, issues: zodIssues(envelope.error, []) };
  const { schemaVersion, document, description } = envelope.data;
  const secrets = credentialIssues(document, description);
  if (secrets.length > 0) return { ok: false, issues: secrets };
  if (document.schemaVersion !== undefined && document.schemaVersion !== schemaVersion) {
    const message = `The document says version ${JSON.stringify(document.schemaVersion)} but the file says ${schemaVersion}; make them agree.`;
    return { ok: false, issues: [{ path: ['document', 'schemaVersion'], message }] };
  }
  let migrated: FlowDocument;
  try {
    migrated = migrateFlowDocument({ ...document, schemaVersion }, migrations);
  } catch (error) {
    if (error instanceof DocumentVersionError) {
      return { ok: false, issues: [{ path: ['schemaVersion'], message: error.message }] };
    }
    if (error instanceof z.ZodError) return { ok: false, issues: zodIssues(error, ['document']) };
    throw error;
  }
  const file: FlowFile = {
    ...envelope.data,
    format: FLOW_FILE_FORMAT,
    schemaVersion: migrated.schemaVersion,
    document: migrated,
    externalStages: [...new Set(envelope.data.externalStages)].sort(),
  };
  return schemaVersion === FLOW_SCHEMA_VERSION
    ? { ok: true, file }
    : { ok: true, file, migratedFrom: schemaVersion };
}
