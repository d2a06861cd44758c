import { describe, expect, it } from 'vitest';
import { columnFlags } from '../../../../src/core/data/column-flags';
import { profileColumn } from '../../../../src/core/data/profile';
import { sortProfiles } from '../../../../src/core/data/profile/sort-profiles';

const profiles = [
  profileColumn('visits', 'number', [1, 2, 3, null]),
  profileColumn('channel', 'categorical', ['a', 'b', null, null]),
  profileColumn('value', 'number', [0, 10, 50, 90]),
  profileColumn('bounces', 'number', [1, 1, 1, 1]),
].map((profile) => ({ ...profile, flags: columnFlags(profile) }));

const names = (sorted: { profile: { name: string } }[]) => sorted.map((entry) => entry.profile.name);

describe('sortProfiles', () => {
  it('sorts by name, either way', () => {
    expect(names(sortProfiles(profiles, { key: 'name', descending: false }))).toEqual(['bounces', 'channel', 'value', 'visits']);
    expect(names(sortProfiles(profiles, { key: 'name', descending: true }))).toEqual(['visits', 'value', 'channel', 'bounces']);
  });

  it('puts columns without the statistic last in both directions', () => {
    // Means: visits 2, value 37.5, bounces 1; channel has none.
    expect(names(sortProfiles(profiles, { key: 'mean', descending: false }))).toEqual(['bounces', 'visits', 'value', 'channel']);
    expect(names(sortProfiles(profiles, { key: 'mean', descending: true }))).toEqual(['value', 'visits', 'bounces', 'channel']);
  });

  it('breaks ties by table order and keeps each column’s position', () => {
    const sorted = sortProfiles(profiles, { key: 'missing', descending: true });
    expect(names(sorted)).toEqual(['channel', 'visits', 'value', 'bounces']);
    expect(sorted.map((entry) => entry.index)).toEqual([1, 0, 2, 3]);
  });

  it('returns table order for its own key', () => {
    expect(names(sortProfiles(profiles, { key: 'table order', descending: false }))).toEqual(['visits', 'channel', 'value', 'bounces']);
  });
});
