import type { CompletionSource } from '@codemirror/autocomplete';
import type { SQLDialect } from '@codemirror/lang-sql';
import type { ReactCodeMirrorRef } from '@uiw/react-codemirror';
import { useEffect, useId, useMemo, useRef } from 'react';
import { autocompletion, completeFromList } from '@codemirror/autocomplete';
import { MySQL, PostgreSQL, schemaCompletionSource, sql } from '@codemirror/lang-sql';
import { Input, useComputedColorScheme } from '@mantine/core';
import CodeMirror, { EditorView, StateEffect, StateField } from '@uiw/react-codemirror';

import { useSystemInfo } from '../../../lib/system-info';
import { useEditorStore } from '../../store/editor-context';
import { selectIsReadOnly } from '../../store/selectors';
import { FUNCTION_COMPLETIONS, KEYWORD_COMPLETIONS } from './sql-functions';
import classes from './sql-input.module.css';

/** What a SQL box needs: its text, a setter, and the names it may complete. */
export interface SqlInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Input column names the person may refer to without a qualifier. */
  columns?: readonly string[];
  /** Input relations by the name the SQL reads them as, with their columns (a SQL transform). */
  tables?: Readonly<Record<string, readonly string[]>>;
  label?: string;
  description?: string;
  placeholder?: string;
  error?: boolean | string;
  /** Lines shown before it grows; 1 for an expression inside a row. */
  minRows?: number;
  'aria-label'?: string;
}

const LINE_HEIGHT_PX = 20;

/**
 * A box inside a form, not a file editor. Kept outside the component: a new object each render
 * would reconfigure the editor, closing an open completion.
 */
const BASIC_SETUP = {
  lineNumbers: false,
  foldGutter: false,
  highlightActiveLine: false,
  highlightActiveLineGutter: false,
  autocompletion: false,
  searchKeymap: false,
} as const;

/** The names a box completes. */
interface Names {
  columns?: readonly string[];
  tables?: Readonly<Record<string, readonly string[]>>;
}

/**
 * The names live in the editor's own state, replaced by an effect, so a new list never
 * reconfigures the editor: reconfiguring closes an open completion while the person types.
 */
const setNames = StateEffect.define<Names>();
const namesField = StateField.define<Names>({
  create: () => ({}),
  update: (names, tr) => tr.effects.reduce((v, e) => (e.is(setNames) ? e.value : v), names),
});

/**
 * Completes the input's columns, portable functions and expression keywords, and, where the SQL
 * reads named inputs, their names and qualified columns. A dialect's whole keyword list is left
 * out: it buries the columns.
 */
function nameCompletions(flavour: SQLDialect): CompletionSource {
  return (context) => {
    const { columns = [], tables } = context.state.field(namesField);
    const own = completeFromList([
      ...columns.map((label) => ({ label, type: 'property', boost: 1 })),
      ...FUNCTION_COMPLETIONS,
      ...KEYWORD_COMPLETIONS,
    ]);
    if (!tables) return own(context);
    const qualified = schemaCompletionSource({ dialect: flavour, schema: { ...tables } });
    return Promise.resolve(qualified(context)).then((found) => found ?? own(context));
  };
}

/**
 * The one box for SQL a person writes (a condition, an expression, a SELECT): a code editor with
 * SQL highlighting in the target's flavour, completing input columns and portable functions as
 * it is typed (Ctrl+Space asks). Every widget that takes SQL draws this one.
 */
export function SqlInput(props: SqlInputProps) {
  const { value, onChange, columns, tables, minRows = 3, 'aria-label': ariaLabel } = props;
  const scheme = useComputedColorScheme('light');
  const dialect = useSystemInfo().data?.target.dialect;
  const labelId = useId();
  const editor = useRef<ReactCodeMirrorRef>(null);
  // A disabled fieldset stops native inputs only; CodeMirror is told on its own.
  const readOnly = useEditorStore(selectIsReadOnly);
  useEffect(() => {
    editor.current?.view?.dispatch({ effects: setNames.of({ columns, tables }) });
  }, [columns, tables]);
  const extensions = useMemo(() => {
    const flavour = dialect === 'duckdb' ? PostgreSQL : MySQL;
    return [
      sql({ dialect: flavour }),
      namesField,
      autocompletion({ override: [nameCompletions(flavour)], icons: false }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({
        'aria-labelledby': labelId,
        ...(ariaLabel ? { 'aria-label': ariaLabel } : {}),
        spellcheck: 'false',
      }),
    ];
  }, [dialect, labelId, ariaLabel]);
  return (
    <Input.Wrapper
      label={props.label}
      description={props.description}
      error={typeof props.error === 'string' ? props.error : undefined}
      labelProps={{ id: labelId }}
    >
      <CodeMirror
        ref={editor}
        onCreateEditor={(view) => view.dispatch({ effects: setNames.of({ columns, tables }) })}
        className={classes.editor}
        data-invalid={props.error ? true : undefined}
        data-testid="sql-input"
        value={value}
        onChange={onChange}
        readOnly={readOnly}
        editable={!readOnly}
        placeholder={props.placeholder}
        theme={scheme}
        minHeight={`${minRows * LINE_HEIGHT_PX + 8}px`}
        maxHeight={`${12 * LINE_HEIGHT_PX + 8}px`}
        basicSetup={BASIC_SETUP}
        extensions={extensions}
      />
    </Input.Wrapper>
  );
}
