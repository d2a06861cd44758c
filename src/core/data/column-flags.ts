import type { ColumnProfile } from './profile';

export type ColumnFlag = 'constant' | 'mostly missing' | 'high cardinality' | 'heavily skewed' | 'identifier-like' | 'junk tokens';

const MOSTLY_MISSING_SHARE = 0.5;
const HIGH_CARDINALITY = 50;
const HEAVY_SKEW = 2;
const IDENTIFIER_DISTINCT_SHARE = 0.95;
const MIN_ROWS_FOR_SHARE = 20;

/** Warnings an analyst wants before encoding: each names a treatment Clean or Encode may need. */
export function columnFlags(profile: ColumnProfile): ColumnFlag[] {
  const flags: ColumnFlag[] = [];
  const rows = profile.count + profile.missing;
  if (profile.distinct <= 1) flags.push('constant');
  if (rows > 0 && profile.missing / rows > MOSTLY_MISSING_SHARE) flags.push('mostly missing');
  const textual = profile.type === 'categorical' || profile.type === 'text';
  if (textual && profile.distinct > HIGH_CARDINALITY) flags.push('high cardinality');
  if (profile.skewness !== null && Math.abs(profile.skewness) > HEAVY_SKEW) flags.push('heavily skewed');
  const mostlyDistinct = profile.count >= MIN_ROWS_FOR_SHARE && profile.distinct / profile.count > IDENTIFIER_DISTINCT_SHARE;
  if (profile.type === 'identifier' || (textual && mostlyDistinct)) flags.push('identifier-like');
  if (profile.junkTokens.length > 0) flags.push('junk tokens');
  return flags;
}
