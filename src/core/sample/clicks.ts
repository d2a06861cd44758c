import { createRandom, type Random } from '../random';
import { weightedChoice, weightedValues } from './weighted-choice';

/** One row per click, in the layout of the UCI "clickstream data for online shopping" (e-shop clothing 2008) file. */
export const CLICK_COLUMNS = ['session_id', 'user_id', 'order', 'timestamp', 'page_category', 'product', 'colour', 'price', 'country', 'purchase_value'] as const;

/** The shop's four main categories and the letter its product codes start with, as in the UCI file. */
const CATEGORIES = [
  { name: 'trousers', code: 'A', products: 43, basePrice: 45 },
  { name: 'skirts', code: 'B', products: 34, basePrice: 40 },
  { name: 'blouses', code: 'C', products: 59, basePrice: 38 },
  { name: 'sale', code: 'P', products: 82, basePrice: 26 },
] as const;

const COLOURS = ['beige', 'black', 'blue', 'brown', 'burgundy', 'gray', 'green', 'navy blue', 'of many colors', 'olive', 'pink', 'red', 'violet', 'white'];

/** Most visitors of the Polish shop are in Poland; the rest are spread over Europe and a few beyond. */
const COUNTRIES: readonly (readonly [string, number])[] = [
  ['Poland', 80],
  ['Czech Republic', 5],
  ['Lithuania', 2.5],
  ['United Kingdom', 2],
  ['Germany', 1.8],
  ['Ireland', 1.2],
  ['Slovakia', 1],
  ['Latvia', 0.8],
  ['Netherlands', 0.7],
  ['Sweden', 0.6],
  ['Estonia', 0.5],
  ['France', 0.5],
  ['Norway', 0.4],
  ['Denmark', 0.4],
  ['United States', 0.3],
  ['Italy', 0.3],
  ['Spain', 0.2],
];

/** The UCI file covers 1 April to 13 August 2008. */
const PERIOD_START_SECONDS = Date.UTC(2008, 3, 1) / 1000;
const PERIOD_DAYS = 135;
/** Local evening traffic peaks (UTC+2 in summer). */
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, hour) => 1 + 0.8 * Math.cos((2 * Math.PI * (hour - 18)) / 24));
/** A small share of clicks has no colour recorded, so aggregations meet missing values. */
const COLOUR_MISSING_SHARE = 0.01;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface Product {
  code: string;
  category: number;
  colour: string;
  price: number;
}

interface Shopper {
  id: string;
  country: string;
  favourite: number;
  /** Unobserved taste for buying. */
  propensity: number;
  /** Unobserved browsing depth: shifts click counts for all of the shopper's sessions. */
  depth: number;
}

/** Each product has one colour and one price, so clicks on it agree, as in the shop's catalogue. */
function catalogue(random: Random): Product[][] {
  return CATEGORIES.map((category, index) =>
    Array.from({ length: category.products }, (_, number) => ({
      code: `${category.code}${number + 1}`,
      category: index,
      colour: COLOURS[random.int(COLOURS.length)],
      price: Math.max(18, Math.min(82, Math.round(category.basePrice * Math.exp(0.3 * random.normal())))),
    })),
  );
}

function timestampText(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 19);
}

interface SessionRows {
  start: number;
  /** Each click's fields after `session_id`, which is given once sessions are in start order. */
  clicks: string[][];
}

/**
 * Seeded click-level rows as CSV: `sessions` sessions of returning shoppers, one row per click,
 * sorted by session start. A session buys at most once, on one of its product clicks, for that
 * product's price times a small quantity; `purchase_value` is 0 on every other click. Whether it
 * buys follows a sigmoid of the clicks, the share of sale pages, the shopper's taste and how
 * often they bought before, so per-session and per-user history features carry signal.
 */
export function generateClicksCsv(sessions: number, seed: number): string {
  const random = createRandom(seed);
  const products = catalogue(random);
  const chooseCountry = weightedValues(COUNTRIES);
  const chooseHour = weightedChoice(HOUR_WEIGHTS);
  const chooseProduct = products.map((list) => weightedChoice(list.map((_, rank) => 1 / Math.pow(rank + 1, 0.8))));
  let shoppers = 0;

  const newShopper = (): Shopper => ({
    id: `u${String(++shoppers).padStart(6, '0')}`,
    country: chooseCountry(random),
    favourite: random.int(CATEGORIES.length),
    propensity: 0.4 * random.normal(),
    depth: 0.4 * random.normal(),
  });

  const sessionStart = () => PERIOD_START_SECONDS + random.int(PERIOD_DAYS) * 86_400 + chooseHour(random) * 3600 + random.int(3600);

  function sessionRows(shopper: Shopper, start: number, purchasesBefore: number): { rows: SessionRows; bought: boolean } {
    const clickCount = Math.min(120, 1 + Math.floor(Math.exp(1.5 + shopper.depth + 0.7 * random.normal())));
    const viewed: Product[] = [];
    const times: number[] = [];
    let at = start;
    for (let click = 0; click < clickCount; click++) {
      if (click > 0) at += 1 + Math.round(Math.exp(3.4 + 0.9 * random.normal()));
      const category = random.next() < 0.5 ? shopper.favourite : random.int(CATEGORIES.length);
      viewed.push(products[category][chooseProduct[category](random)]);
      times.push(at);
    }
    const saleShare = viewed.filter((product) => CATEGORIES[product.category].name === 'sale').length / clickCount;
    const logOdds = -4.6 + 1.3 * Math.log(clickCount) + 1.2 * saleShare + 0.8 * Math.min(purchasesBefore, 3) + (shopper.country === 'Poland' ? 0.3 : -0.2) + shopper.propensity;
    const bought = clickCount > 1 && random.next() < sigmoid(logOdds);
    const buyClick = bought ? Math.floor(clickCount / 2) + random.int(Math.ceil(clickCount / 2)) : -1;
    const clicks = viewed.map((product, click) => {
      const quantity = click === buyClick ? 1 + (random.next() < 0.25 ? 1 : 0) + (random.next() < 0.05 ? 1 : 0) : 0;
      return [
        shopper.id,
        String(click + 1),
        timestampText(times[click]),
        CATEGORIES[product.category].name,
        product.code,
        random.next() < COLOUR_MISSING_SHARE ? '' : product.colour,
        String(product.price),
        shopper.country,
        String(product.price * quantity),
      ];
    });
    return { rows: { start, clicks }, bought };
  }

  const all: SessionRows[] = [];
  while (all.length < sessions) {
    const shopper = newShopper();
    // Most shoppers come once; a few return often.
    let count = 1;
    while (count < 30 && random.next() < 0.45) count++;
    count = Math.min(count, sessions - all.length);
    const starts = Array.from({ length: count }, sessionStart).sort((a, b) => a - b);
    let purchases = 0;
    for (const start of starts) {
      const { rows, bought } = sessionRows(shopper, start, purchases);
      if (bought) purchases++;
      all.push(rows);
    }
  }
  all.sort((a, b) => a.start - b.start);
  const lines = all.flatMap((session, index) => session.clicks.map((fields) => `${index + 1},${fields.join(',')}`));
  return `${CLICK_COLUMNS.join(',')}\n${lines.join('\n')}\n`;
}

/** The clicks as the bytes of a UTF-8 file, as if the user had dropped it. */
export function generateClicksBytes(sessions: number, seed: number): Uint8Array {
  return new TextEncoder().encode(generateClicksCsv(sessions, seed));
}
