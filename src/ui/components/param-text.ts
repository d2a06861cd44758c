/**
 * Text forms of list parameters. A draft that does not parse is kept as the raw text, so
 * validateParams names the problem inline instead of the input silently rejecting keystrokes.
 */

export function formatIntegerList(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
}

export function parseIntegerList(text: string): number[] | string {
  const parts = text.split(/[\s,]+/).filter((part) => part !== '');
  const numbers = parts.map(Number);
  return parts.length > 0 && numbers.every(Number.isFinite) ? numbers : text;
}

export function formatLines(value: unknown): string {
  return Array.isArray(value) ? value.join('\n') : '';
}

export function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function parseNumber(text: string): number | string {
  const trimmed = text.trim();
  const value = Number(trimmed);
  return trimmed !== '' && Number.isFinite(value) ? value : text;
}

