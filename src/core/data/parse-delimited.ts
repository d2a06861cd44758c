/** Where a record with the wrong number of fields starts, for the error message. */
export interface RaggedRecord {
  line: number;
  fields: number;
}

export interface DelimitedText {
  header: string[];
  /** Column-major raw cells, as written (quotes removed, '' for empty). */
  cells: string[][];
  rows: number;
  /** Records whose field count differs from the header's; they are left out of `cells`. */
  ragged: RaggedRecord[];
}

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

/**
 * Splits delimited text (RFC 4180 quoting: `""` escapes a quote, quoted fields may hold
 * delimiters and line breaks; LF, CRLF or CR line ends). Blank lines are skipped. Unlike
 * arquero's `fromCSV`, records longer than the header are reported, not silently cut, and
 * repeated header names are kept for the caller to rename.
 */
export function parseDelimited(text: string, delimiter: string): DelimitedText {
  const delimiterCode = delimiter.charCodeAt(0);
  const length = text.length;
  let header: string[] | null = null;
  let cells: string[][] = [];
  let rows = 0;
  const ragged: RaggedRecord[] = [];
  let record: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endRecord = () => {
    const blank = record.length === 1 && record[0] === '';
    if (!blank) {
      if (header === null) {
        header = record;
        cells = header.map(() => []);
      } else if (record.length === header.length) {
        for (let k = 0; k < record.length; k++) cells[k].push(record[k]);
        rows++;
      } else {
        ragged.push({ line: recordLine, fields: record.length });
      }
    }
    record = [];
    recordLine = line;
  };

  while (i < length) {
    let value: string;
    if (text.charCodeAt(i) === QUOTE) {
      let pieces = '';
      let start = i + 1;
      for (;;) {
        const close = text.indexOf('"', start);
        if (close < 0) {
          pieces += text.slice(start);
          i = length;
          break;
        }
        if (text.charCodeAt(close + 1) === QUOTE) {
          pieces += text.slice(start, close + 1);
          start = close + 2;
          continue;
        }
        pieces += text.slice(start, close);
        i = close + 1;
        break;
      }
      for (let k = pieces.indexOf('\n'); k >= 0; k = pieces.indexOf('\n', k + 1)) line++;
      // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
      const restStart = i;
      while (i < length) {
        const code = text.charCodeAt(i);
        if (code === delimiterCode || code === NEWLINE || code === RETURN) break;
        i++;
      }
      value = restStart < i ? pieces + text.slice(restStart, i) : pieces;
    } else {
      const start = i;
      while (i < length) {
        const code = text.charCodeAt(i);
        if (code === delimiterCode || code === NEWLINE || code === RETURN) break;
        i++;
      }
      value = text.slice(start, i);
    }
    record.push(value);
    if (i >= length) break;
    const code = text.charCodeAt(i);
    i++;
    if (code === delimiterCode) {
      if (i >= length) record.push('');
      continue;
    }
    if (code === RETURN && text.charCodeAt(i) === NEWLINE) i++;
    line++;
    endRecord();
  }
  if (record.length > 0) endRecord();
  return { header: header ?? [], cells, rows, ragged };
}
