import type { CsvFormat } from '@sluice/stages';

/** RFC 4180 CSV with a header: the file source's defaults. */
export const CSV: CsvFormat = {
  kind: 'csv',
  header: true,
  delimiter: ',',
  quote: '"',
  escape: '"',
  skipLines: 0,
  nullString: '',
};
