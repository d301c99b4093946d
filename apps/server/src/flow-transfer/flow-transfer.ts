/**
 * Exporting a flow as a flow file and importing one. An import checks everything the file needs
 * from this Sluice (its external stages by name, its stage types) before it saves anything.
 */
import { randomUUID } from 'node:crypto';

import type { Diagnostic, FlowDocument, FlowFile } from '@sluice/flow';
import { diagnostic, FlowFileError, readFlowFile, writeFlowFile } from '@sluice/flow';
import { getStage } from '@sluice/stages';

import type { Services } from '../services';
import { ConflictError, InvalidRequestError } from '../errors';

type TransferServices = Pick<Services, 'flows' | 'externalStages'>;

/** Each stage's external-stage field values, found by the field's widget, with their stage. */
function externalStageFields(
  document: FlowDocument,
): { stageId: string; field: string; name: string }[] {
  return document.stages.flatMap((stage) => {
    const fields = getStage(stage.type)?.ui.fields ?? {};
    return Object.entries(fields).flatMap(([field, hint]) => {
      const name = stage.config[field];
      return hint?.widget === 'external-stage' && typeof name === 'string' && name !== ''
        ? [{ stageId: stage.id, field, name }]
        : [];
    });
  });
}

/** The names of the external stages a document reads from or writes to. */
export function externalStagesOf(document: FlowDocument): string[] {
  return externalStageFields(document).map((ref) => ref.name);
}

/** The flow's latest document, or its saved `version`, as a flow file. */
export async function exportFlowFile(
  services: TransferServices,
  input: { id: string; version?: number },
): Promise<FlowFile> {
  const flow =
    input.version === undefined
      ? await services.flows.byId(input.id)
      : await services.flows.atVersion(input.id, input.version);
  return writeFlowFile({
    name: flow.name,
    document: flow.document,
    externalStages: externalStagesOf(flow.document),
  });
}

/** Stages of types this Sluice does not know, or of a newer version of a type than it knows. */
function unreadableStages(document: FlowDocument): { type: string; diagnostic: Diagnostic }[] {
  return document.stages.flatMap((stage) => {
    const definition = getStage(stage.type);
    const at = { stageId: stage.id };
    if (definition === undefined) {
      const unknown = diagnostic('unknown-stage-type', { type: stage.type }, at);
      return [{ type: stage.type, diagnostic: unknown }];
    }
    if (stage.typeVersion <= definition.version) return [];
    const args = { type: stage.type, version: stage.typeVersion, supported: definition.version };
    return [{ type: stage.type, diagnostic: diagnostic('stage-version-too-new', args, at) }];
  });
}

const quoted = (names: Iterable<string>): string =>
  [...new Set(names)].map((name) => `"${name}"`).join(', ');

/**
 * Refuses a file naming external stages this Sluice does not have (the file's list and the
 * document's fields both count) or stages it cannot read, listing every one.
 */
async function checkNeeds(services: TransferServices, file: FlowFile): Promise<void> {
  const known = new Set((await services.externalStages.list()).map((stage) => stage.name));
  const fields = externalStageFields(file.document).filter((ref) => !known.has(ref.name));
  const missing = [...file.externalStages, ...fields.map((ref) => ref.name)].filter(
    (name) => !known.has(name),
  );
  const unreadable = unreadableStages(file.document);
  if (missing.length === 0 && unreadable.length === 0) return;
  const needs: string[] = [];
  if (missing.length > 0) {
    needs.push(`external stages this Sluice does not have (${quoted(missing)}); create them first`);
  }
  if (unreadable.length > 0) {
    const types = quoted(unreadable.map((stage) => stage.type));
    needs.push(`stage types this Sluice cannot read (${types}); upgrade Sluice or remove them`);
  }
  const diagnostics = [
    ...fields.map(({ stageId, field, name }) =>
      diagnostic('unknown-external-stage', { name }, { stageId, path: [field] }),
    ),
    ...unreadable.map((stage) => stage.diagnostic),
  ];
  throw new InvalidRequestError(
    `The flow "${file.name}" was not imported: it names ${needs.join(', and ')}.`,
    diagnostics,
  );
}

/** `name (imported)`, then `name (imported 2)`, …, kept within the 200 characters a name has. */
function importedName(name: string, attempt: number): string {
  if (attempt === 0) return name;
  const suffix = attempt === 1 ? ' (imported)' : ` (imported ${attempt})`;
  return `${name.slice(0, 200 - suffix.length).trimEnd()}${suffix}`;
}

/** How many suffixed names an import tries before it asks for a name. */
const NAME_ATTEMPTS = 20;

/**
 * Saves a flow file as a new flow, under `name` or the file's name. A name another flow has
 * gets " (imported)" (then " (imported 2)", …) so an import never fails on a clash nor replaces
 * a flow. A malformed file fails with `FlowFileError`, a file this Sluice lacks something for
 * with `InvalidRequestError`; neither saves anything.
 */
export async function importFlowFile(
  services: TransferServices,
  input: { file: unknown; name?: string },
): Promise<{ id: string; name: string; version: number; migratedFrom?: number }> {
  const read = readFlowFile(input.file);
  if (!read.ok) throw new FlowFileError(read.issues);
  await checkNeeds(services, read.file);
  const base = input.name ?? read.file.name;
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt += 1) {
    try {
      const flow = await services.flows.create({
        id: randomUUID(),
        name: importedName(base, attempt),
        document: read.file.document,
      });
      const migrated = read.migratedFrom === undefined ? {} : { migratedFrom: read.migratedFrom };
      return { id: flow.id, name: flow.name, version: flow.version, ...migrated };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  throw new ConflictError(
    `Flows named "${base}" and "${importedName(base, 1)}" up to "${importedName(base, NAME_ATTEMPTS - 1)}" exist; import under another name.`,
  );
}
