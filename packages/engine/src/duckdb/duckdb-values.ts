import type { DuckDBType, DuckDBValue, DuckDBValueConverter, Json } from '@duckdb/node-api';
import {
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  JsonDuckDBValueConverter,
} from '@duckdb/node-api';

/** Microseconds JavaScript dates can hold (±8.64e15 ms); outside it we keep DuckDB's text. */
const MAX_DATE_MICROS = 8_640_000_000_000_000_000n;

function integerOut(value: DuckDBValue): number | string {
  const n = typeof value === 'bigint' ? value : BigInt(String(value));
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(n)
    : n.toString();
}

function timestampOut(value: DuckDBValue): string {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    const { micros } = value;
    if (value.isFinite && micros < MAX_DATE_MICROS && micros > -MAX_DATE_MICROS) {
      return new Date(Number(micros / 1000n)).toISOString();
    }
  }
  return String(value);
}

/**
 * Turns DuckDB values into plain JSON-safe values: wide integers become numbers when they fit
 * exactly and strings otherwise; timestamps become ISO strings (UTC); dates stay `YYYY-MM-DD`.
 * Everything else follows the driver's JSON conversion, recursing through this converter.
 */
export const plainValueConverter: DuckDBValueConverter<Json> = (
  value: DuckDBValue,
  type: DuckDBType,
  converter: DuckDBValueConverter<Json>,
) => {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return integerOut(value);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return timestampOut(value);
    default:
      return JsonDuckDBValueConverter(value, type, converter);
  }
};
