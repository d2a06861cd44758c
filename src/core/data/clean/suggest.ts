import type { OperationItem, TableArtifact } from '../../cells/types';
import { columnFlags, type ColumnFlag } from '../column-flags';
import { parseNumberCell, type CellValue } from '../infer-type';
import { profileTable, type ColumnProfile } from '../profile';
import { blanksAsZeroOperation } from './blanks-as-zero';
import { dropPickedOperation } from './drop-columns';
import { dropConstantOperation } from './drop-constant';
import { dropDuplicatesOperation } from './drop-duplicates';
import { dropIdentifiersOperation } from './drop-identifiers';
import { dropMostlyMissingOperation } from './drop-mostly-missing';
import { DEFAULT_JUNK_TOKENS, junkTokensOperation } from './junk-tokens';
import { newStep } from './operations';
import { plural, type CleanOperation, type CleanStepReport } from './step';
import { typeFixOperation } from './type-fix';

/** A step the data calls for, with what it would change if added at the end of the list. */
export interface CleanSuggestion {
  reason: string;
  step: OperationItem;
  report: CleanStepReport;
}

/** Placeholders worth a look beyond the default list; suggested per column, never applied unasked. */
export const SUSPECT_TOKENS = [...DEFAULT_JUNK_TOKENS, 'unknown.unknown', 'N/A', 'n/a', 'NA', 'NULL', 'null', 'None', 'NaN', 'nan', 'undefined', '-', '?'];

/** Share of a text column's values that must read as numbers for "numbers stored as text". */
const MOSTLY_NUMBERS = 0.9;
/** Below the default 95% limit, a column this empty is still worth a decision. */
const MOSTLY_MISSING_SHARE = 0.5;

/** Text columns whose values are numbers but for a few stray texts (`1,200`, `n/a`), which Load's rules keep as text. */
function mostlyNumbers(data: TableArtifact, profile: ColumnProfile): boolean {
  if (profile.type !== 'categorical' && profile.type !== 'text') return false;
  const parsed = new Map<string, boolean>();
  let numbers = 0;
  for (const value of data.table.array(profile.name) as CellValue[]) {
    if (value === null) continue;
    const text = String(value);
    let isNumber = parsed.get(text);
    if (isNumber === undefined) parsed.set(text, (isNumber = typeof parseNumberCell(text) === 'number'));
    if (isNumber) numbers++;
  }
  // All numbers is Load's doing (integer codes read as categories): deliberate, not a fault.
  return numbers < profile.count && numbers >= profile.count * MOSTLY_NUMBERS;
}

/** The columns, the target aside, that carry `flag`. */
function flagged(profiles: readonly ColumnProfile[], flags: Map<string, ColumnFlag[]>, flag: ColumnFlag, target: string | null): string[] {
  return profiles.filter((profile) => profile.name !== target && flags.get(profile.name)!.includes(flag)).map((profile) => profile.name);
}

const names = (columns: readonly string[]) => columns.join(', ');

/**
 * Steps the cleaned table still calls for, from the same profile rules as the Explore cell's flags.
 * Each is tried on the table (nothing is applied) so its "what changed" line can be shown; one that
 * would change nothing, or fail, is left out.
 */
export function suggestSteps(data: TableArtifact): CleanSuggestion[] {
  const profiles = profileTable(data.table, data.columns, { junkTokens: SUSPECT_TOKENS });
  const flags = new Map(profiles.map((profile) => [profile.name, columnFlags(profile)]));
  const candidates: { reason: string; operation: CleanOperation; params?: Record<string, unknown> }[] = [];

  const junk = profiles.filter((profile) => profile.junkTokens.length > 0);
  if (junk.length > 0) {
    const tokens = [...new Set(junk.flatMap((profile) => profile.junkTokens.map((token) => String(token.value))))];
    candidates.push({ reason: `Placeholder values in ${names(junk.map((profile) => profile.name))}`, operation: junkTokensOperation, params: { tokens, emptyText: false, columns: junk.map((profile) => profile.name) } });
  }
  const textNumbers = profiles.filter((profile) => mostlyNumbers(data, profile)).map((profile) => profile.name);
  if (textNumbers.length > 0) {
    candidates.push({ reason: `Numbers stored as text in ${names(textNumbers)}`, operation: typeFixOperation, params: { columns: textNumbers, to: 'number' } });
  }
  const oneOrBlank = profiles.filter((profile) => profile.type === 'number' && profile.name !== data.target && profile.missing > 0 && profile.distinct === 1 && profile.min === 1).map((profile) => profile.name);
  if (oneOrBlank.length > 0) {
    candidates.push({ reason: `Only 1 or blank in ${names(oneOrBlank)}: blank likely means 0`, operation: blanksAsZeroOperation, params: { columns: oneOrBlank } });
  }
  /**
   * A drop by rule, unless the rule would also take a column suggested above for a fix (a 1-or-blank
   * column is constant, numbers stored as text look like identifiers): then the others are named.
   */
  const dropSuggestion = (label: string, operation: CleanOperation, columns: readonly string[], params: Record<string, unknown> = {}) => {
    const fixed = new Set([...oneOrBlank, ...textNumbers]);
    const kept = columns.filter((name) => !fixed.has(name));
    if (kept.length === 0) return;
    const reason = `${label}: ${names(kept)}`;
    if (kept.length === columns.length) candidates.push({ reason, operation, params });
    else candidates.push({ reason, operation: dropPickedOperation, params: { columns: kept } });
  };
  dropSuggestion('Constant', dropConstantOperation, flagged(profiles, flags, 'constant', data.target));
  dropSuggestion(`More than ${MOSTLY_MISSING_SHARE * 100}% missing`, dropMostlyMissingOperation, flagged(profiles, flags, 'mostly missing', data.target), { maxMissingShare: MOSTLY_MISSING_SHARE });
  dropSuggestion('Identifier-like', dropIdentifiersOperation, flagged(profiles, flags, 'identifier-like', data.target));
  candidates.push({ reason: 'Exact duplicate rows', operation: dropDuplicatesOperation });

  const suggestions: CleanSuggestion[] = [];
  for (const { reason, operation, params } of candidates) {
    const step = newStep(operation, params);
    let report: CleanStepReport;
    try {
      report = operation.apply(data, step).report;
    } catch {
      continue;
    }
    if (report.changes.length === 0) continue;
    suggestions.push({ reason: operation === dropDuplicatesOperation ? `${plural(report.rowsRemoved, 'row')} repeat an earlier row` : reason, step, report });
  }
  return suggestions;
}
