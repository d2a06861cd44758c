import type { ColumnType } from '../cells/types';
import { MissingTokenCounts } from './missing-tokens';

/** A column's cell value once typed; timestamps are epoch milliseconds (UTC). */
export type CellValue = number | string | boolean | null;

/** A column read with its type. */
export interface TypedColumn {
  type: ColumnType;
  values: CellValue[];
  /** Per text, the cells that became null in `values` (see `missingTokenOf`); at most 20 texts. */
  missingTokens: Record<string, number>;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Written by pandas, R and spreadsheets for undefined numbers; read as missing. */
const NON_FINITE = new Set(['nan', '-nan', 'inf', '+inf', '-inf', 'infinity', '+infinity', '-infinity']);
const BOOLEAN: Record<string, boolean> = { true: true, TRUE: true, True: true, false: false, FALSE: false, False: false };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;
/** Integers beyond this many digits lose precision as doubles: they are codes, not quantities. */
const MAX_INTEGER_DIGITS = 15;
const TIME_NAME = /time|date|start|stamp|_at$|^at$/i;
const ID_NAME = /(?:^|[^a-z])id$|[a-z]Id$|^id[^a-z]|uuid|guid/i;
/** Words naming counts and measures: such columns stay numbers even with few small integer values. */
const QUANTITY_WORD = /^(?:count|number|num|qty|quantity|total|visit|view|pageview|hit|page|session|duration|second|minute|hour|day|item|size|age|score|rank|rating|price|value|amount|bounce)s?$/;

/** `visitNumber`, `totals.pageviews`, `time_on_site` → their lower-case words. */
function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

const UNIX_SECONDS_MIN = Date.UTC(2000, 0, 1) / 1000;
const UNIX_SECONDS_MAX = Date.UTC(2100, 0, 1) / 1000;
const DATE_MIN = Date.UTC(1970, 0, 1);
const DATE_MAX = Date.UTC(2100, 11, 31);

/** Integer codes (OperatingSystems = 1..8) are categories: a few levels, from 1, each seen often. */
const CODE_MAX_LEVELS = 30;
const CODE_MIN_LEVELS = 3;
const CODE_MIN_ROWS_PER_LEVEL = 10;

/** Column shape thresholds: where categories end and identifiers or free text begin. */
const IDENTIFIER_DISTINCT_SHARE = 0.95;
const ID_NAMED_DISTINCT_SHARE = 0.1;
const MIN_ROWS_FOR_SHARE_RULES = 20;
const TEXT_MEAN_LENGTH = 30;
const TEXT_MIN_DISTINCT = 50;

/**
 * Cells read as missing, as pandas' `read_csv` reads them by default: analysts expect a file that
 * pandas reads with NaN here to read the same. GA placeholders such as `(not set)` are the Clean
 * cell's junk tokens, not these.
 */
const MISSING_TOKENS = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);

export function isMissingCell(raw: string): boolean {
  return MISSING_TOKENS.has(raw.trim());
}

/** A number, `null` for NaN/inf/overflow, or `undefined` when the text is not numeric at all. */
export function parseNumberCell(raw: string): number | null | undefined {
  const text = raw.trim();
  if (NUMBER.test(text)) {
    // Leading zeros (`007`) and over-long integers are codes whose digits matter, not quantities.
    if (/^[+-]?0\d/.test(text) || (/^[+-]?\d+$/.test(text) && text.replace(/^[+-]/, '').length > MAX_INTEGER_DIGITS)) return undefined;
    const value = Number(text);
    return Number.isFinite(value) ? value : null;
  }
  return NON_FINITE.has(text.toLowerCase()) ? null : undefined;
}

export function parseBooleanCell(raw: string): boolean | undefined {
  return BOOLEAN[raw.trim()];
}

function validUtc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | undefined {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const date = new Date(ms);
  const exact = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exact && hour < 24 && minute < 60 && second < 62 ? ms : undefined;
}

/** Epoch ms of an ISO date or date-time; without a zone it is read as UTC, not local time. */
export function parseIsoCell(raw: string): number | undefined {
  const match = ISO_DATE.exec(raw.trim());
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match;
  const base = validUtc(+year, +month, +day, +(hour ?? 0), +(minute ?? 0), +(second ?? 0));
  if (base === undefined) return undefined;
  let ms = base + (fraction ? Math.round(Number(fraction) * 1000) : 0);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return ms;
}

export function parseYyyymmddCell(raw: string): number | undefined {
  const match = YYYYMMDD.exec(raw.trim());
  if (!match) return undefined;
  const ms = validUtc(+match[1], +match[2], +match[3]);
  return ms !== undefined && ms >= DATE_MIN && ms <= DATE_MAX ? ms : undefined;
}

/** How a column's raw text is turned into values of its inferred type. */
export interface ColumnReading {
  type: ColumnType;
  parse(raw: string): CellValue;
}

const asText = (raw: string): CellValue => (isMissingCell(raw) ? null : raw);

function reading(type: ColumnType, parse: (raw: string) => CellValue | undefined): ColumnReading {
  return { type, parse: (raw) => (isMissingCell(raw) ? null : (parse(raw) ?? null)) };
}

function every(values: readonly string[], test: (raw: string) => boolean): boolean {
  for (const raw of values) if (!test(raw)) return false;
  return true;
}

/** A column's numbers: null for NaN/inf cells, or unboxed in a Float64Array where every one is finite. */
type Numbers = readonly (number | null)[] | Float64Array;

/** `every` by index: on a million-row Float64Array, `every` and `for…of` allocate per number. */
function everyNumber(numbers: Numbers, test: (value: number | null) => boolean): boolean {
  for (let i = 0; i < numbers.length; i++) if (!test(numbers[i])) return false;
  return true;
}

/** What a numeric column holds, judged from its name and values. */
export type NumericMeaning = 'yyyymmdd' | 'unix-seconds' | 'unix-milliseconds' | 'identifier' | 'codes' | 'number';

/**
 * `numbers` are the present cells read as numbers (null for NaN/inf), each cell or each distinct
 * text once with `presentCount` the cells they stand for; `allYyyymmdd` says whether every one is
 * written as a real YYYYMMDD date, which the caller judges from how it was written.
 */
export function numericMeaning(name: string, numbers: Numbers, allYyyymmdd: boolean, presentCount = numbers.length): NumericMeaning {
  if (allYyyymmdd) return 'yyyymmdd';
  if (TIME_NAME.test(name)) {
    const inRange = (scale: number) => everyNumber(numbers, (value) => value !== null && Number.isInteger(value) && value >= UNIX_SECONDS_MIN * scale && value <= UNIX_SECONDS_MAX * scale);
    if (inRange(1)) return 'unix-seconds';
    if (inRange(1000)) return 'unix-milliseconds';
  }
  if (ID_NAME.test(name) && everyNumber(numbers, (value) => Number.isInteger(value)) && idNamedLooksLikeIdentifier(presentCount, new Set(numbers).size)) return 'identifier';
  if (looksLikeIntegerCodes(name, numbers, presentCount)) return 'codes';
  return 'number';
}

function numericReading(name: string, cells: DistinctCells): ColumnReading {
  const numbers = cells.texts.map((raw) => parseNumberCell(raw) ?? null);
  const meaning = numericMeaning(name, numbers, every(cells.texts, (raw) => parseYyyymmddCell(raw) !== undefined), cells.presentCount);
  switch (meaning) {
    case 'yyyymmdd':
      return reading('timestamp', parseYyyymmddCell);
    case 'unix-seconds':
      return reading('timestamp', (raw) => Number(raw.trim()) * 1000);
    case 'unix-milliseconds':
      return reading('timestamp', (raw) => Number(raw.trim()));
    case 'identifier':
      return { type: 'identifier', parse: asText };
    case 'codes':
      return { type: 'categorical', parse: asText };
    case 'number':
      return reading('number', parseNumberCell);
  }
}

/**
 * Codes for browsers, regions or traffic sources are stored as small integers starting at 1;
 * scaling them as quantities would claim browser 8 is "more" than browser 2. Counts start at 0
 * or carry a quantity-like name, so they stay numbers.
 */
function looksLikeIntegerCodes(name: string, numbers: Numbers, presentCount: number): boolean {
  if (nameWords(name).some((word) => QUANTITY_WORD.test(word))) return false;
  const levels = new Set<number>();
  const isCode = (value: number | null) => {
    if (value === null || !Number.isInteger(value) || value < 1) return false;
    levels.add(value);
    return levels.size <= CODE_MAX_LEVELS;
  };
  return everyNumber(numbers, isCode) && levels.size >= CODE_MIN_LEVELS && presentCount >= levels.size * CODE_MIN_ROWS_PER_LEVEL;
}

/** An id-named column is an identifier when its values repeat little (users with a few sessions each). */
function idNamedLooksLikeIdentifier(present: number, distinct: number): boolean {
  const share = distinct / present;
  return present >= MIN_ROWS_FOR_SHARE_RULES ? share >= ID_NAMED_DISTINCT_SHARE : share >= IDENTIFIER_DISTINCT_SHARE;
}

function stringType(name: string, cells: DistinctCells): ColumnType {
  const distinct = cells.texts.length;
  const present = cells.presentCount;
  let totalLength = 0;
  cells.texts.forEach((raw, i) => (totalLength += raw.length * cells.counts[i]));
  const meanLength = totalLength / present;
  if (meanLength >= TEXT_MEAN_LENGTH && distinct >= TEXT_MIN_DISTINCT) return 'text';
  if (ID_NAME.test(name) && idNamedLooksLikeIdentifier(present, distinct)) return 'identifier';
  if (present >= MIN_ROWS_FOR_SHARE_RULES && distinct / present >= IDENTIFIER_DISTINCT_SHARE) return 'identifier';
  return 'categorical';
}

/** A column's present (non-blank) cells as its distinct texts, each with how many cells hold it. */
export interface DistinctCells {
  texts: readonly string[];
  counts: ArrayLike<number>;
  presentCount: number;
}

/** Every rule below holds for all cells exactly when it holds for each distinct text once. */
export function distinctPresentCells(texts: readonly string[], counts: ArrayLike<number>): DistinctCells {
  const presentTexts: string[] = [];
  const presentCounts: number[] = [];
  let presentCount = 0;
  texts.forEach((raw, i) => {
    if (isMissingCell(raw) || counts[i] === 0) return;
    presentTexts.push(raw);
    presentCounts.push(counts[i]);
    presentCount += counts[i];
  });
  return { texts: presentTexts, counts: presentCounts, presentCount };
}

function countDistinct(cells: readonly string[]): DistinctCells {
  const counts = new Map<string, number>();
  for (const raw of cells) counts.set(raw, (counts.get(raw) ?? 0) + 1);
  return distinctPresentCells([...counts.keys()], [...counts.values()]);
}

/**
 * The type of a column from its raw cells (empty cells are missing and ignored). Numbers win
 * over dates only where the column is clearly a date: 8-digit YYYYMMDD values, or unix seconds /
 * milliseconds in 2000–2100 under a time-like name. A 0/1 column stays a number.
 */
export function inferColumnReading(name: string, cells: readonly string[]): ColumnReading {
  return inferDistinctReading(name, countDistinct(cells));
}

/** `inferColumnReading` for a dictionary-encoded column: each test runs once per distinct text. */
export function inferDistinctReading(name: string, cells: DistinctCells): ColumnReading {
  if (cells.presentCount === 0) return { type: 'categorical', parse: asText };
  if (every(cells.texts, (raw) => parseBooleanCell(raw) !== undefined)) return reading('boolean', parseBooleanCell);
  if (every(cells.texts, (raw) => parseNumberCell(raw) !== undefined)) return numericReading(name, cells);
  if (every(cells.texts, (raw) => parseIsoCell(raw) !== undefined)) return reading('timestamp', parseIsoCell);
  return { type: stringType(name, cells), parse: asText };
}

function typeCells(name: string, cells: readonly string[]): { type: ColumnType; values: CellValue[] } {
  const { type, parse } = inferColumnReading(name, cells);
  const values = new Array<CellValue>(cells.length);
  for (let i = 0; i < cells.length; i++) values[i] = parse(cells[i]);
  return { type, values };
}

/** Reads every cell of a column with its inferred type. */
export function readColumn(name: string, cells: readonly string[]): TypedColumn {
  const typed = typeCells(name, cells);
  return { ...typed, missingTokens: missingTokensOf(cells, typed.values) };
}

/** A value as a decoder handed it over: strings from text formats, typed values from JSON, Parquet or Arrow. */
export type SourceValue = unknown;

const isAbsent = (value: SourceValue) => value === null || value === undefined || (typeof value === 'string' && isMissingCell(value));

/**
 * The text a value read as missing is counted under: a cell's text as written (`''`, `NA`, `inf`),
 * `String(value)` for a typed one (`NaN`, `Infinity`), and `null` for a value that is not there at
 * all (JSON null or an absent key, a Parquet/Arrow null), so it is not confused with an empty text.
 */
export function missingTokenOf(value: SourceValue): string {
  if (value === null || value === undefined) return 'null';
  return typeof value === 'string' ? value : String(value);
}

/** Per token, the rows of `source` whose value in `values` is null. */
export function missingTokensOf(source: readonly SourceValue[], values: readonly CellValue[]): Record<string, number> {
  const missing = new MissingTokenCounts();
  for (let row = 0; row < values.length; row++) if (values[row] === null) missing.add(missingTokenOf(source[row]));
  return missing.counts;
}

/** Text for a value that has no type of its own in this column (mixed columns, nested JSON). */
export function sourceText(value: SourceValue): string {
  if (isAbsent(value)) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isFinite(value.getTime()) ? value.toISOString() : '';
  if (typeof value === 'object') return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  return String(value);
}

/** A bigint as a number where that is exact, else its digits (too long to be a quantity). */
const fromBigint = (value: bigint): number | string => (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString());

function numberValues(name: string, values: readonly SourceValue[], present: readonly number[]): { type: ColumnType; values: CellValue[] } {
  const asNumber = (value: SourceValue): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
  if (present.length === 0) return { type: 'number', values: values.map(() => null) };
  const allYyyymmdd = present.every((value) => parseYyyymmddCell(String(value)) !== undefined);
  const map = (type: ColumnType, convert: (value: number) => CellValue) => ({
    type,
    values: values.map((value) => {
      const number = asNumber(value);
      return number === null ? null : convert(number);
    }),
  });
  switch (numericMeaning(name, present, allYyyymmdd)) {
    case 'yyyymmdd':
      return map('timestamp', (value) => parseYyyymmddCell(String(value)) ?? null);
    case 'unix-seconds':
      return map('timestamp', (value) => value * 1000);
    case 'unix-milliseconds':
      return map('timestamp', (value) => value);
    case 'identifier':
      return map('identifier', String);
    case 'codes':
      return map('categorical', String);
    case 'number':
      return map('number', (value) => value);
  }
}

/**
 * Reads a column from a decoder's values with the same rules as text: strings go through
 * `readColumn`; values that arrive typed keep their type (numbers stay numbers, NaN and infinities
 * become missing, dates become epoch milliseconds); a column mixing kinds is read as text.
 */
export function readValues(name: string, values: readonly SourceValue[]): TypedColumn {
  const typed = typeValues(name, values);
  return { ...typed, missingTokens: missingTokensOf(values, typed.values) };
}

function typeValues(name: string, values: readonly SourceValue[]): { type: ColumnType; values: CellValue[] } {
  // Text formats hand over strings only: read them as they are, without copies of the column.
  if (values.every((value) => typeof value === 'string')) return typeCells(name, values as readonly string[]);
  const normalised = values.map((value) => (typeof value === 'bigint' ? fromBigint(value) : value));
  const present = normalised.filter((value) => !isAbsent(value));
  if (present.every((value) => typeof value === 'string')) return typeCells(name, normalised.map(sourceText));
  if (present.every((value) => typeof value === 'number')) {
    return numberValues(name, normalised, (present as number[]).filter((value) => Number.isFinite(value)));
  }
  if (present.every((value) => typeof value === 'boolean')) {
    return { type: 'boolean', values: normalised.map((value) => (typeof value === 'boolean' ? value : null)) };
  }
  if (present.every((value) => value instanceof Date)) {
    return { type: 'timestamp', values: normalised.map((value) => (value instanceof Date && Number.isFinite(value.getTime()) ? value.getTime() : null)) };
  }
  return typeCells(name, normalised.map(sourceText));
}
