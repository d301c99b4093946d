import { InvalidRequestError } from '../errors';

/** What MatrixOne does with a stage's values that its CREATE STAGE grammar takes anyway. */
interface StageValues {
  name?: string;
  url: string;
  comment: string;
  credentials: Readonly<Record<string, string | undefined>>;
}

/**
 * MatrixOne refuses a stage name holding a space, tab, backtick or quote after parsing it
 * (`inputNameIsInvalid` in `pkg/frontend/authenticate.go`), and stores the name lowercased while
 * `stage://Name/…` is looked up as written (`StageLoadCatalog` in `pkg/stage/stage.go`), so a
 * name with capitals would never be found (sql-reference.md §0.1).
 */
const REFUSED_NAME_CHARACTERS = /[\s`'"]/;

/**
 * MatrixOne pastes URL, credentials and comment into its own catalogue statement unescaped
 * (the stage insert and update formats in `pkg/frontend/authenticate.go`): a `'` breaks that
 * statement and a `\` is decoded a second time (sql-reference.md §0.1).
 */
const UNESCAPED_CHARACTERS = /['\\]/;

/**
 * Refuses, before anything is saved or sent, the values MatrixOne would refuse or store as
 * something else, each naming the field to change.
 */
export function checkMatrixOneStageValues(values: StageValues): void {
  const { name } = values;
  if (name !== undefined && REFUSED_NAME_CHARACTERS.test(name)) {
    throw new InvalidRequestError(
      `Name: MatrixOne refuses a stage name with a space, tab, backtick or quote; "${name}" has one.`,
    );
  }
  if (name !== undefined && name !== name.toLowerCase()) {
    throw new InvalidRequestError(
      `Name: MatrixOne stores stage names in lowercase and then cannot find "${name}" as written; use "${name.toLowerCase()}".`,
    );
  }
  const fields: [label: string, value: string][] = [
    ['URL', values.url],
    ['Comment', values.comment],
    ...Object.entries(values.credentials).flatMap(([key, value]): [string, string][] =>
      value === undefined ? [] : [[key, value]],
    ),
  ];
  for (const [label, value] of fields) {
    if (UNESCAPED_CHARACTERS.test(value)) {
      throw new InvalidRequestError(
        `${label}: MatrixOne writes this value into its catalogue without escaping, so it cannot hold a quote (') or a backslash (\\).`,
      );
    }
  }
}
