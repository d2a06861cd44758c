import { describe, expect, it } from 'vitest';
import { readDataset } from '../../../src/core/data/read-dataset';
import { CLICK_COLUMNS, generateClicksBytes, generateClicksCsv } from '../../../src/core/sample/clicks';

const SESSIONS = 3000;
const sample = await readDataset({ name: 'clicks.csv', bytes: generateClicksBytes(SESSIONS, 11) });
const column = <T>(name: string) => sample.table.array(name) as unknown as T[];

interface Session {
  rows: number[];
}
/** Session ids read back as identifiers: text. */
const sessions = new Map<string, Session>();
column<string>('session_id').forEach((id, row) => {
  const session = sessions.get(id) ?? { rows: [] };
  session.rows.push(row);
  sessions.set(id, session);
});

describe('generateClicksCsv', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    expect(generateClicksCsv(200, 3)).toBe(generateClicksCsv(200, 3));
    expect(generateClicksCsv(200, 3)).not.toBe(generateClicksCsv(200, 4));
  });

  it('writes the requested sessions, numbered in order of their start, with the UCI-like columns', () => {
    expect(sample.table.columnNames()).toEqual([...CLICK_COLUMNS]);
    expect([...sessions.keys()]).toEqual(Array.from({ length: SESSIONS }, (_, index) => String(index + 1)));
    const starts = [...sessions.values()].map((session) => column<number>('timestamp')[session.rows[0]]);
    expect(starts.every((start, index) => index === 0 || start >= starts[index - 1])).toBe(true);
  });

  it('reads back with the types an aggregation expects', () => {
    const types = Object.fromEntries(sample.columns.map((info) => [info.name, info.type]));
    expect(types).toMatchObject({ timestamp: 'timestamp', order: 'number', page_category: 'categorical', colour: 'categorical', price: 'number', country: 'categorical', purchase_value: 'number' });
  });

  it('orders each session’s clicks in time, with one user and one country', () => {
    for (const { rows } of sessions.values()) {
      expect(rows.map((row) => column<number>('order')[row])).toEqual(rows.map((_, index) => index + 1));
      const times = rows.map((row) => column<number>('timestamp')[row]);
      expect(times.every((time, index) => index === 0 || time > times[index - 1])).toBe(true);
      expect(new Set(rows.map((row) => column<string>('user_id')[row])).size).toBe(1);
      expect(new Set(rows.map((row) => column<string>('country')[row])).size).toBe(1);
    }
  });

  it('gives each product one price and one colour, with a few colours missing', () => {
    const priceOf = new Map<string, number>();
    const colourOf = new Map<string, string>();
    let missingColours = 0;
    column<string>('product').forEach((product, row) => {
      const price = column<number>('price')[row];
      expect(priceOf.get(product) ?? price).toBe(price);
      priceOf.set(product, price);
      const colour = column<string | null>('colour')[row];
      if (colour === null) missingColours++;
      else {
        expect(colourOf.get(product) ?? colour).toBe(colour);
        colourOf.set(product, colour);
      }
    });
    expect(missingColours).toBeGreaterThan(0);
    expect(missingColours / sample.table.numRows()).toBeLessThan(0.03);
  });

  it('buys at most once per session, for a product’s price times a small quantity, and most sessions buy nothing', () => {
    let buying = 0;
    for (const { rows } of sessions.values()) {
      const purchases = rows.filter((row) => column<number>('purchase_value')[row] > 0);
      expect(purchases.length).toBeLessThanOrEqual(1);
      if (purchases.length === 0) continue;
      buying++;
      const quantity = column<number>('purchase_value')[purchases[0]] / column<number>('price')[purchases[0]];
      expect([1, 2, 3]).toContain(quantity);
    }
    expect(buying / SESSIONS).toBeGreaterThan(0.05);
    expect(buying / SESSIONS).toBeLessThan(0.4);
  });

  it('brings shoppers back, and those who bought before buy more often', () => {
    const boughtBefore = new Map<string, boolean>();
    const outcomes = { returning: [0, 0], fresh: [0, 0] };
    let returningSessions = 0;
    for (const { rows } of sessions.values()) {
      const user = column<string>('user_id')[rows[0]];
      const bought = rows.some((row) => column<number>('purchase_value')[row] > 0);
      if (boughtBefore.has(user)) returningSessions++;
      const bucket = boughtBefore.get(user) ? outcomes.returning : outcomes.fresh;
      bucket[0]++;
      if (bought) bucket[1]++;
      boughtBefore.set(user, (boughtBefore.get(user) ?? false) || bought);
    }
    expect(returningSessions / SESSIONS).toBeGreaterThan(0.2);
    expect(outcomes.returning[1] / outcomes.returning[0]).toBeGreaterThan(outcomes.fresh[1] / outcomes.fresh[0]);
  });
});
