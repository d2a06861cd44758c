import { createRandom, type Random } from '../random';
import { NOT_SET } from './levels';
import { SAMPLE_COLUMNS, generateSessionsCsv } from './sessions';
import { weightedValues } from './weighted-choice';

/**
 * A wide export for scale tests: the sample sessions' 23 columns followed by 29 more of the kinds a
 * GA export carries — ISO timestamps, coordinates, scores, prices, blank-or-True
 * flags, 0/1 and TRUE/FALSE booleans, small and large categoricals — 52 columns in all.
 */

interface ExtraColumn {
  name: string;
  /** The value for a row, given the row's start time (unix seconds) from the base columns. */
  value(random: Random, startSeconds: number): string;
}

const fixed = (value: number, digits: number) => value.toFixed(digits);
/** A share of rows left blank, the way GA writes an absent measure. */
const blankOr = (blankShare: number, value: (random: Random) => string) => (random: Random) => (random.next() < blankShare ? '' : value(random));

const campaign = weightedValues<string>([[NOT_SET, 96], ['Data Share Promo', 2], ['AW - Dynamic Search Ads Whole Site', 1], ['AW - Accessories', 0.6], ['Retail (DO NOT EDIT)', 0.4]]);
const keyword = weightedValues<string>([['', 55], ['(not provided)', 40], ['6qEhsCssdK0z36ri', 2], ['(Remarketing/Content targeting)', 1.5], ['google merchandise store', 1], ['youtube shirt', 0.5]]);
const adContent = weightedValues<string>([['', 97], ['Google Merchandise Collection', 1.5], ['Full auto ad IMAGE ONLY', 1], ['Display Ad created 3/11/14', 0.5]]);
const language = weightedValues<string>([['en-us', 60], ['en-gb', 8], ['de', 5], ['fr', 5], ['es', 5], ['ja', 4], ['zh-cn', 4], ['pt-br', 3], ['ru', 3], ['it', 3]]);
const resolution = weightedValues<string>([['1920x1080', 30], ['1366x768', 20], ['375x667', 12], ['414x896', 10], ['1440x900', 8], ['1536x864', 7], ['360x640', 7], ['2560x1440', 4], ['768x1024', 2]]);
const landingPage = weightedValues<string>([['/home', 50], ['/google+redesign/apparel', 10], ['/google+redesign/bags', 6], ['/basket.html', 5], ['/google+redesign/drinkware', 5], ['/signin.html', 4], ['/store.html', 4], ['/google+redesign/office', 4], ['/asearch.html', 3], ['/google+redesign/electronics', 3], ['/ordercompleted.html', 2], ['/yourinfo.html', 2], ['/payment.html', 2]]);
const productCategory = weightedValues<string>([['Apparel', 35], ['Bags', 12], ['Drinkware', 12], ['Office', 10], ['Lifestyle', 8], ['Electronics', 8], ['Nest-USA', 6], ['Headgear', 4], ['Accessories', 3], ['(not set)', 2]]);
const region = weightedValues<string>([['North America', 48], ['Asia', 24], ['Europe', 20], ['South America', 4], ['Africa', 2], ['Oceania', 2]]);
const variant = weightedValues<string>([['A', 1], ['B', 1], ['C', 1]]);

const EXTRA_COLUMNS: readonly ExtraColumn[] = [
  { name: 'session.startedAt', value: (_, startSeconds) => new Date(startSeconds * 1000).toISOString().slice(0, 19) + 'Z' },
  { name: 'trafficSource.isTrueDirect', value: (random) => (random.next() < 0.3 ? 'True' : '') },
  { name: 'trafficSource.campaign', value: campaign },
  { name: 'trafficSource.keyword', value: keyword },
  { name: 'trafficSource.adContent', value: adContent },
  { name: 'device.language', value: language },
  { name: 'device.screenResolution', value: resolution },
  { name: 'geoNetwork.latitude', value: (random) => fixed(-40 + 100 * random.next(), 2) },
  { name: 'geoNetwork.longitude', value: (random) => fixed(-180 + 360 * random.next(), 2) },
  { name: 'customDimensions.region', value: region },
  { name: 'totals.transactions', value: (random) => (random.next() < 0.015 ? String(1 + random.int(2)) : '') },
  { name: 'totals.sessionQualityDim', value: blankOr(0.4, (random) => String(1 + Math.floor(99 * random.next() ** 3))) },
  { name: 'totals.timeOnScreen', value: (random) => fixed(Math.exp(3 + 1.2 * random.normal()), 1) },
  { name: 'hits.firstHitHour', value: (random) => String(random.int(24)) },
  { name: 'hits.landingPagePath', value: landingPage },
  { name: 'hits.productCategory', value: productCategory },
  { name: 'hits.productSKU', value: (random) => `GGOE${String(Math.floor(600 * random.next() ** 2)).padStart(4, '0')}` },
  { name: 'hits.productPrice', value: (random) => fixed(Math.exp(2.8 + 0.8 * random.normal()), 2) },
  { name: 'hits.productQuantity', value: (random) => String(1 + Math.floor(-Math.log(1 - random.next()) * 0.8)) },
  { name: 'hits.addedToCart', value: (random) => (random.next() < 0.08 ? '1' : '0') },
  { name: 'hits.promoViewed', value: (random) => (random.next() < 0.25 ? 'TRUE' : 'FALSE') },
  { name: 'hits.eventCount', value: (random) => String(Math.floor(Math.exp(1 + random.normal()))) },
  { name: 'hits.scrollDepth', value: (random) => fixed(random.next(), 3) },
  { name: 'session.latencyMs', value: blankOr(0.01, (random) => String(Math.round(Math.exp(5 + 0.5 * random.normal())))) },
  { name: 'session.pageLoadSeconds', value: (random) => fixed(Math.exp(0.5 * random.normal()), 2) },
  { name: 'marketing.costPerClick', value: (random) => (random.next() < 0.9 ? '0' : fixed(0.2 + 2 * random.next(), 2)) },
  { name: 'ab.variant', value: variant },
  { name: 'hits.firstHitSeconds', value: (random) => String(random.int(60)) },
  { name: 'ab.enrolled', value: (random) => (random.next() < 0.5 ? 'True' : 'False') },
];

export const WIDE_SESSION_COLUMNS: readonly string[] = [...SAMPLE_COLUMNS, ...EXTRA_COLUMNS.map((column) => column.name)];

/** Rows generated per block: small enough to keep memory flat, large enough that each block's visitors return within it. */
export const WIDE_BLOCK_ROWS = 10_000;

/** The third field of a base row, visitStartTime (the fields before it are never quoted). */
function startSeconds(line: string): number {
  const first = line.indexOf(',');
  const second = line.indexOf(',', first + 1);
  return Number(line.slice(second + 1, line.indexOf(',', second + 1)));
}

/**
 * The wide sessions file as a sequence of CSV text chunks — the header line, then one chunk per
 * block of up to `blockRows` rows — so a million rows can be written to disk without building the
 * whole text. Each block is a seeded run of `generateSessionsCsv`, sorted by start time within
 * itself, with the extra columns appended; the same (rows, seed, blockRows) repeat exactly.
 */
export function* wideSessionsCsvChunks(rows: number, seed: number, blockRows = WIDE_BLOCK_ROWS): Generator<string> {
  if (!Number.isInteger(rows) || rows < 0) throw new RangeError(`rows must be a non-negative integer, got ${rows}`);
  if (!Number.isInteger(blockRows) || blockRows < 1) throw new RangeError(`blockRows must be a positive integer, got ${blockRows}`);
  const random = createRandom(seed);
  yield `${WIDE_SESSION_COLUMNS.join(',')}\n`;
  for (let written = 0; written < rows; written += blockRows) {
    const base = generateSessionsCsv(Math.min(blockRows, rows - written), random.seed());
    const lines = base.slice(base.indexOf('\n') + 1, -1).split('\n');
    const extrasRandom = createRandom(random.seed());
    const wide = lines.map((line) => {
      const start = startSeconds(line);
      let row = line;
      for (const column of EXTRA_COLUMNS) row += ',' + column.value(extrasRandom, start);
      return row;
    });
    yield wide.join('\n') + '\n';
  }
}
