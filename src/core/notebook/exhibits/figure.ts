/** A number as an exported notebook prints it: whole numbers as they are, others to 6 significant digits (float noise dropped). */
export function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** A timestamp column's value (epoch milliseconds) as ISO text, as the workbench shows it; other values unchanged. */
export function cellOfType<T>(value: T, type: string): T | string {
  return type === 'timestamp' && typeof value === 'number' && Number.isFinite(value) ? new Date(value).toISOString() : value;
}
