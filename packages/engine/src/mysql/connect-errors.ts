import type { ServerLocation } from '../target';
import { errorCode, errorReason } from '../error-details';
import { TargetConnectError } from '../target-connect-error';

/** The products a URL scheme stands for, as a person reads them in an error. */
export function productLabel(location: ServerLocation): string {
  return location.kind === 'matrixone' ? 'MatrixOne' : 'MariaDB/MySQL';
}

/** `host:port` of a server, as every message about it names it. */
export function serverAt(location: ServerLocation): string {
  return `${location.host}:${String(location.port)}`;
}

function oneLine(error: unknown): string {
  return errorReason(error).replace(/\s+/g, ' ').trim();
}

/**
 * Turns a mysql2 connect failure into one line that says what to fix: start the server, the
 * host, the user or password, the database name, or the grant.
 */
export function connectError(error: unknown, location: ServerLocation): TargetConnectError {
  const at = `${productLabel(location)} at ${serverAt(location)}`;
  const fix = 'fix SLUICE_DATABASE_URL';
  const messages: Record<string, string> = {
    ECONNREFUSED: `Cannot reach ${at}: connection refused. Start the server or ${fix}.`,
    ENOTFOUND: `Cannot reach ${at}: host "${location.host}" not found. Fix the host in SLUICE_DATABASE_URL.`,
    EAI_AGAIN: `Cannot reach ${at}: host "${location.host}" could not be looked up. Check DNS or ${fix}.`,
    ETIMEDOUT: `Cannot reach ${at}: no answer in time. Check the host, port and firewall, or ${fix}.`,
    EHOSTUNREACH: `Cannot reach ${at}: no route to host. Check the network or ${fix}.`,
    ER_ACCESS_DENIED_ERROR:
      `${at} refused user "${location.user}": wrong user name or password. ` +
      `Fix them in SLUICE_DATABASE_URL.`,
    ER_DBACCESS_DENIED_ERROR:
      `User "${location.user}" may not use database "${location.database}" on ${at}: ` +
      `grant access to it or ${fix}.`,
    ER_BAD_DB_ERROR:
      `Database "${location.database}" does not exist on ${at}: create it or fix the URL ` +
      `(SLUICE_DATABASE_URL).`,
    PROTOCOL_CONNECTION_LOST:
      `${at} closed the connection during the handshake: is it a MySQL-protocol server? ` +
      `Check the port or ${fix}.`,
  };
  const known = messages[errorCode(error) ?? ''];
  return new TargetConnectError(
    known ?? `Cannot connect to ${at}: ${oneLine(error)}. Check the server or ${fix}.`,
    { cause: error },
  );
}
