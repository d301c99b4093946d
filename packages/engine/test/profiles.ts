import type { TargetProfile } from '@sluice/compiler';

/** The embedded DuckDB as the compiler sees it; its version gates nothing DuckDB runs. */
export const DUCKDB: TargetProfile = { dialect: 'duckdb', product: 'DuckDB', version: '1.5.5' };
