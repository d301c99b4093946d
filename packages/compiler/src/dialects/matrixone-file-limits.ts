import type { Column, CsvFormat, FileFormat } from '@sluice/stages';

/**
 * Values MatrixOne's LOAD and INTO OUTFILE accept in the grammar but refuse or misread further
 * in (sql-reference.md §0.1), each found in its source. Pure: the dialect turns each into a
 * diagnostic on the field it names.
 */
export interface Misreading {
  what: string;
  outcome: string;
  instead: string;
  path: (string | number)[];
}

/**
 * `stage://` paths go through Go's URL parser (`stageutil.UrlToStageDef`,
 * `pkg/sql/plan/utils.go`): `?` starts a query, which is refused; `#` starts a fragment, so the
 * path is cut there and another file is read; `%` starts an escape, so the name is decoded.
 */
const URL_SYNTAX: readonly [char: string, outcome: string][] = [
  ['?', 'it starts a URL query, which MatrixOne refuses ("query not supported")'],
  ['#', 'it starts a URL fragment, so the path ends there and another file is read'],
  ['%', 'it starts a URL escape, so the name is decoded into another name'],
];

/**
 * From 4.0 an export path keeps printf verbs for the numbers of split files
 * (`UrlToStageDefForExport`; `stage/export_format.sql` writes `test_split_%d.csv`).
 */
const EXPORT_PERCENT =
  'it starts a printf verb, which MatrixOne fills with the number of the file it writes';

/**
 * The characters of a file path MatrixOne reads as URL syntax; `printfExport` for a 4.x export,
 * where `%` is a file-number verb instead.
 */
export function pathMisreadings(path: string, printfExport = false): Misreading[] {
  return URL_SYNTAX.filter(([char]) => path.includes(char)).map(([char, outcome]) => ({
    what: `"${char}" in a file path`,
    outcome: printfExport && char === '%' ? EXPORT_PERCENT : outcome,
    instead: 'Rename the file, or its folder, without "?", "#" or "%".',
    path: ['path'],
  }));
}

/**
 * ENCLOSED BY and ESCAPED BY take one byte, not one character (grammar `field_item`,
 * `export_fields`): a quote such as `«` is two bytes in UTF-8 and fails with "error field
 * terminator". TERMINATED BY may be longer.
 */
export function singleByteMisreadings(format: CsvFormat): Misreading[] {
  const fields = [
    ['quote', format.quote],
    ['escape', format.escape],
  ] as const;
  return fields
    .filter(([, value]) => new TextEncoder().encode(value).length > 1)
    .map(([field, value]) => ({
      what: `the ${field} "${value}"`,
      outcome: `it takes a ${field} of one byte, and "${value}" is ${new TextEncoder().encode(value).length} bytes in UTF-8`,
      instead: `Pick an ASCII ${field} character.`,
      path: [field],
    }));
}

/**
 * MatrixOne stores column names lowercased (`build_ddl.go`) and matches JSON keys against them
 * exactly (its JSON line reader; `load_data_jsonline.result`): a key `UserId` is "not in json".
 */
export function jsonKeyMisreadings(format: FileFormat, columns: readonly Column[]): Misreading[] {
  if (format.kind !== 'jsonl') return [];
  return columns.flatMap((column, i) =>
    column.name === column.name.toLowerCase()
      ? []
      : [
          {
            what: `the JSON key "${column.name}"`,
            outcome: `its columns are lowercased, and keys are matched exactly, so "${column.name}" is never found`,
            instead: 'Load a file whose keys are lowercase, or load it as CSV.',
            path: ['columns', i, 'name'],
          },
        ],
  );
}

/** The export format each file suffix MatrixOne knows stands for (§3, "format does not match"). */
const SUFFIX_FORMATS: Readonly<Record<string, FileFormat['kind']>> = {
  '.csv': 'csv',
  '.jsonl': 'jsonl',
  '.jsonline': 'jsonl',
  '.ndjson': 'jsonl',
  '.parquet': 'parquet',
};

const FORMAT_NAMES: Readonly<Record<FileFormat['kind'], string>> = {
  csv: 'CSV',
  jsonl: 'JSON lines',
  parquet: 'Parquet',
};

/**
 * From 4.0, INTO OUTFILE refuses a FORMAT its file's known suffix contradicts ("format
 * 'jsonline' does not match file suffix '.csv'"), where other targets write the file anyway.
 */
export function suffixMisreadings(path: string, format: FileFormat): Misreading[] {
  const suffix = Object.keys(SUFFIX_FORMATS).find((s) => path.toLowerCase().endsWith(s));
  const meant = suffix === undefined ? undefined : SUFFIX_FORMATS[suffix];
  if (suffix === undefined || meant === undefined || meant === format.kind) return [];
  return [
    {
      what: `a ${FORMAT_NAMES[format.kind]} export to a "${suffix}" file`,
      outcome: `it refuses a format that its file suffix contradicts`,
      instead: `End the path in the suffix of ${FORMAT_NAMES[format.kind]}, or export ${FORMAT_NAMES[meant]}.`,
      path: ['path'],
    },
  ];
}

/** What the Parquet reader of a MatrixOne release can do (`pkg/sql/colexec/external/parquet.go`). */
export interface ParquetReader {
  /** From 3.0.12: TEXT and DECIMAL targets, and columns found whatever their case. */
  mapsTextAndDecimal: boolean;
  /** From 4.2.0: a Parquet decimal is rescaled to the column's scale ("rescale parquet decimals on load"). */
  rescalesDecimals: boolean;
}

/** The scale of the DECIMAL columns Sluice lands files in on MatrixOne (`DECIMAL(38,10)`). */
const LANDED_DECIMAL_SCALE = 10;

/**
 * Parquet columns a MatrixOne release misreads. Before 3.0.12 its reader looks a Parquet column
 * up by the table's column name exactly, and MatrixOne lowercases those, so a Parquet column
 * `UserId` is "not found". Before 4.2.0 a Parquet decimal's digits are copied as they are into
 * the landed `DECIMAL(38,10)`, so a file decimal of scale 3 loads with its point moved
 * (matrixone issue #25473, fixed by pull request #26212).
 */
export function parquetMisreadings(
  format: FileFormat,
  columns: readonly Column[],
  reader: ParquetReader,
): Misreading[] {
  if (format.kind !== 'parquet') return [];
  return columns.flatMap((column, i): Misreading[] => {
    if (!reader.mapsTextAndDecimal && column.name !== column.name.toLowerCase()) {
      return [
        {
          what: `the Parquet column "${column.name}"`,
          outcome: `it looks Parquet columns up by its own lowercased names exactly, so "${column.name}" is never found`,
          instead:
            'Load a file whose column names are lowercase, or use MatrixOne 3.0.12 or newer.',
          path: ['columns', i, 'name'],
        },
      ];
    }
    if (reader.mapsTextAndDecimal && !reader.rescalesDecimals && column.type === 'DECIMAL') {
      return [
        {
          what: `the Parquet decimal "${column.name}"`,
          outcome: `it copies a file decimal's digits without rescaling them to the ${String(LANDED_DECIMAL_SCALE)} decimal places it lands them in, so a decimal of another scale loads with its point moved`,
          instead:
            'Declare the column VARCHAR and cast it after the source, or use MatrixOne 4.2.0 or newer.',
          path: ['columns', i, 'type'],
        },
      ];
    }
    return [];
  });
}
