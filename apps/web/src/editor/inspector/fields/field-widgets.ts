import type { ComponentType } from 'react';

import type { FieldWidget } from '@sluice/stages';

import type { FieldProps } from './field-props';
import { AggregatesField } from './aggregates-field';
import { CastColumnsField } from './cast-columns-field';
import { NumberField, SelectField, SwitchField } from './choice-fields';
import { ColumnField, ColumnListField } from './column-fields';
import { ColumnMappingsField } from './column-mappings-field';
import { ColumnSchemaField } from './column-schema-field';
import { DerivedColumnsField } from './derived-columns-field';
import { ExternalStageField, FilePathField } from './external-stage-fields';
import { GeneratedColumnsField } from './generated-columns-field';
import { JoinKeysField } from './join-keys-field';
import { SortKeysField } from './sort-keys-field';
import { TablePickerField } from './table-picker-field';
import {
  CharField,
  SqlExpressionField,
  SqlQueryField,
  TargetQueryField,
  TextareaField,
  TextField,
} from './text-fields';

/** Widget → component. A stage type that needs a new control adds a widget here, never a branch. */
export const FIELD_WIDGETS: Record<FieldWidget, ComponentType<FieldProps>> = {
  text: TextField,
  'table-picker': TablePickerField,
  textarea: TextareaField,
  'sql-expression': SqlExpressionField,
  char: CharField,
  number: NumberField,
  switch: SwitchField,
  select: SelectField,
  'external-stage': ExternalStageField,
  'file-path': FilePathField,
  'column-schema': ColumnSchemaField,
  'column-mappings': ColumnMappingsField,
  'sort-keys': SortKeysField,
  column: ColumnField,
  'column-list': ColumnListField,
  'join-keys': JoinKeysField,
  aggregates: AggregatesField,
  'sql-query': SqlQueryField,
  'derived-columns': DerivedColumnsField,
  'cast-columns': CastColumnsField,
  'generated-columns': GeneratedColumnsField,
  'target-query': TargetQueryField,
};
