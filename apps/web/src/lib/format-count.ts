/**
 * One way to write a row count everywhere (canvas nodes, run panel): digits grouped by commas,
 * `1,234,567`, whatever the browser's locale, so the same count never reads two ways.
 */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(count: number): string {
  return COUNT.format(count);
}
