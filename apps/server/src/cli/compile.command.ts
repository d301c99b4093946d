/**
 * `sluice compile <flow | file>`: prints the SQL a run would execute, phase by phase. Without
 * `--target` it compiles for the connected server or database, checking external stages by
 * name; with `--target duckdb|mysql|mariadb|matrixone` it compiles here for that dialect, and
 * with a database URL for the exact server version found there.
 */
import type { TargetProfile } from '@sluice/compiler';
import type { Diagnostic, FlowDocument } from '@sluice/flow';
import { analyzeFlow, previewFlow } from '@sluice/compiler';
import { openTarget, TargetConnectError } from '@sluice/engine';
import { hasErrors } from '@sluice/flow';

import type { ConnectionOptions } from './connection';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { ConfigError, loadEnvWith } from '../env';
import { connect } from './connection';
import { diagnosticLines } from './diagnostic-lines';
import { CliError, EXIT_CODES } from './exit-codes';
import { flowSource, isFileArgument, readFlowFileAt } from './flow-source';

/** The version each dialect name compiles for: the newest behaviour Sluice knows of each. */
const PROFILES: Record<string, TargetProfile> = {
  duckdb: { dialect: 'duckdb', product: 'DuckDB', version: '1.5.0' },
  mysql: { dialect: 'mysql', product: 'MySQL', version: '8.0.36' },
  mariadb: { dialect: 'mysql', product: 'MariaDB', version: '10.11.6' },
  matrixone: { dialect: 'matrixone', product: 'MatrixOne', version: '4.0.0' },
};

export const TARGET_NAMES = Object.keys(PROFILES);

/** The profile `target` names, opening a database URL just long enough to read its version. */
async function profileOf(target: string): Promise<TargetProfile> {
  const named = PROFILES[target.toLowerCase()];
  if (named !== undefined) return named;
  if (!target.includes(':')) {
    throw new CliError(
      `--target must be ${TARGET_NAMES.join(', ')} or a database URL; "${target}" is neither.`,
      EXIT_CODES.usage,
    );
  }
  try {
    // Read as the server reads SLUICE_DATABASE_URL, with the metadata database it would use.
    const config = loadEnvWith({ SLUICE_DATABASE_URL: target });
    const opened = await openTarget(config.database, {
      allowedDirectories: [],
      metaDatabase: config.metadataDatabase,
    });
    await opened.close();
    return opened.profile;
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, EXIT_CODES.usage);
    if (error instanceof TargetConnectError) throw new CliError(error.message, EXIT_CODES.connect);
    throw error;
  }
}

/** A flow file compiles without any connection; a saved flow is fetched first. */
async function documentOf(argument: string, options: ConnectionOptions): Promise<FlowDocument> {
  if (isFileArgument(argument)) return (await readFlowFileAt(argument)).document;
  const connection = await connect(options);
  try {
    return (await flowSource(connection.client, argument, connection.where)).document;
  } finally {
    await connection.close();
  }
}

/** The preview's SQL steps and diagnostics, from the server's `compile.preview` or from here. */
interface Compiled {
  steps: { phase: string; stageId?: string; sql: string }[];
  diagnostics: Diagnostic[];
}

async function compiledOnConnection(
  argument: string,
  options: ConnectionOptions,
): Promise<{ document: FlowDocument; compiled: Compiled }> {
  const connection = await connect(options);
  try {
    const { document } = await flowSource(connection.client, argument, connection.where);
    return { document, compiled: await connection.client.compile.preview.query({ document }) };
  } finally {
    await connection.close();
  }
}

export interface CompileOptions extends ConnectionOptions {
  target?: string | undefined;
}

export async function compileCommand(
  argument: string,
  options: CompileOptions,
  output: Output,
): Promise<ExitCode> {
  let document: FlowDocument;
  let compiled: Compiled;
  if (options.target === undefined) {
    ({ document, compiled } = await compiledOnConnection(argument, options));
  } else {
    const target = await profileOf(options.target);
    document = await documentOf(argument, options);
    compiled = previewFlow(analyzeFlow(document), { target });
  }
  for (const line of diagnosticLines(compiled.diagnostics, document)) output.err(line);
  if (hasErrors(compiled.diagnostics)) return EXIT_CODES.invalid;
  const sql = compiled.steps.map(
    (step) =>
      `-- ${step.phase}${step.stageId === undefined ? '' : ` ${step.stageId}`}\n${step.sql};\n`,
  );
  output.out(sql.join('\n'));
  return EXIT_CODES.ok;
}
