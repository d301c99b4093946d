import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Target } from '../src/target';
import { openTarget } from '../src/open-target';
import { createTestDatabase } from './mariadb';

/** The targets a suite proves a behaviour on, side by side. */
export const TARGET_NAMES = ['DuckDB', 'MariaDB'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** A DuckDB file and a MariaDB database of a suite's own, with a private folder both may read. */
export interface BothTargets {
  /** The suite's folder (its real path): DuckDB's file and any files the suite writes. */
  root: string;
  target(name: TargetName): Target;
  close(): Promise<void>;
}

/** Opens both targets for a suite named `name` (its database is `sluice_<name>`). */
export async function openBothTargets(name: string): Promise<BothTargets> {
  const root = await realpath(await mkdtemp(join(tmpdir(), `sluice-${name}-`)));
  const db = await createTestDatabase(`sluice_${name}`);
  const opened: Record<TargetName, Target> = {
    DuckDB: await openTarget(
      { kind: 'duckdb', path: join(root, `${name}.duckdb`) },
      { allowedDirectories: [root] },
    ),
    MariaDB: await openTarget(db.location, {
      allowedDirectories: [root],
      metaDatabase: db.metaDatabase,
    }),
  };
  return {
    root,
    target: (which) => opened[which],
    close: async () => {
      for (const target of Object.values(opened)) await target.close();
      await db.drop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
