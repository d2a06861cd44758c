import type { ColumnProfile } from '../profile';

/** What the profile table can be sorted by: one key per sortable header. */
export type ProfileSortKey = 'table order' | 'name' | 'type' | 'count' | 'missing' | 'distinct' | 'zeros' | 'min' | 'p50' | 'max' | 'mean' | 'std' | 'flags';

export interface ProfileSort {
  key: ProfileSortKey;
  descending: boolean;
}

type SortValue = number | string | null;

const sortValue: Record<ProfileSortKey, (profile: ColumnProfile & { flags: readonly string[] }, index: number) => SortValue> = {
  'table order': (_, index) => index,
  name: (profile) => profile.name,
  type: (profile) => profile.type,
  count: (profile) => profile.count,
  missing: (profile) => profile.missing,
  distinct: (profile) => profile.distinct,
  zeros: (profile) => profile.zeroShare,
  min: (profile) => profile.min,
  p50: (profile) => profile.quantiles?.p50 ?? null,
  max: (profile) => profile.max,
  mean: (profile) => profile.mean,
  std: (profile) => profile.std,
  flags: (profile) => profile.flags.length,
};

/**
 * The profiles in the requested order, each with its position in the table (a stable key even
 * when names repeat). Columns without the value (a text column's mean) go last either way, and
 * ties keep table order.
 */
export function sortProfiles<P extends ColumnProfile & { flags: readonly string[] }>(profiles: readonly P[], sort: ProfileSort): { profile: P; index: number }[] {
  const read = sortValue[sort.key];
  const direction = sort.descending ? -1 : 1;
  return profiles
    .map((profile, index) => ({ profile, index, value: read(profile, index) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return a.value === b.value ? a.index - b.index : a.value === null ? 1 : -1;
      const order = typeof a.value === 'string' ? a.value.localeCompare(String(b.value)) : a.value - (b.value as number);
      return order * direction || a.index - b.index;
    })
    .map(({ profile, index }) => ({ profile, index }));
}
