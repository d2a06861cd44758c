export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SNIFF_LINES = 20;

/** Delimiter counts per line outside quotes, for the first few lines. */
function countsPerLine(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  let count = 0;
  let inQuote = false;
  for (let i = 0; i < text.length && counts.length < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') inQuote = !inQuote;
    else if (inQuote) continue;
    else if (ch === delimiter) count++;
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      counts.push(count);
      count = 0;
    }
  }
  if (count > 0) counts.push(count);
  return counts;
}

/**
 * The delimiter that splits the first lines into the same number of fields most often; ties go to
 * the most fields. A file with no candidate at all is one column, read with ','.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const counts = countsPerLine(text, delimiter);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((count) => count === header).length / counts.length;
    const score = consistent * 1000 + header;
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
