import type { ColumnType } from '../../core/cells/types';

/** A table cell as text: timestamps as UTC dates, numbers with at most 4 significant decimals. */
export function formatCell(value: unknown, type?: ColumnType): string {
  if (value === null || value === undefined) return '';
  if (type === 'timestamp' && typeof value === 'number') return formatTimestamp(value);
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumSignificantDigits: Math.abs(value) >= 1000 ? 7 : 4 });
}

export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 19).replace('T', ' ')} UTC`;
}

export function formatShare(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)}%`;
}

/** A preview grid's caption: how many rows (or groups) and, for a wide table, which of its columns. */
export function previewCaption(rows: number, shownColumns: number, totalColumns: number, unit = 'rows'): string {
  const first = `First ${rows} ${unit}`;
  return shownColumns < totalColumns ? `${first}, first ${shownColumns} of ${formatNumber(totalColumns)} columns` : first;
}
