import { createRandom, type Random } from '../random';
import {
  BROWSERS,
  CHANNELS,
  CITIES,
  COUNTRIES,
  DEVICES,
  NOT_AVAILABLE,
  NOT_SET,
  OPERATING_SYSTEMS,
  countryWeight,
  networkDomains,
  type DeviceCategory,
} from './levels';
import { weightedChoice, weightedValues } from './weighted-choice';

export const SAMPLE_COLUMNS = [
  'fullVisitorId',
  'visitNumber',
  'visitStartTime',
  'date',
  'channelGrouping',
  'device.browser',
  'device.operatingSystem',
  'device.deviceCategory',
  'device.isMobile',
  'geoNetwork.continent',
  'geoNetwork.country',
  'geoNetwork.city',
  'geoNetwork.networkDomain',
  'trafficSource.source',
  'trafficSource.medium',
  'totals.hits',
  'totals.pageviews',
  'totals.bounces',
  'totals.newVisits',
  'totals.timeOnSite',
  'totals.visits',
  'socialEngagementType',
  'purchaseValue',
] as const;

/** One year of sessions, 2017-08-01 to 2018-08-01 (UTC). */
const YEAR_START_SECONDS = Date.UTC(2017, 7, 1) / 1000;
const DAYS = 365;
const DAY_SECONDS = 86_400;
const PAGEVIEWS_MISSING_SHARE = 0.002;
const DOMAIN_TAIL = 420;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

interface Visitor {
  id: string;
  country: number;
  city: string;
  domain: string;
  device: DeviceCategory;
  browser: string;
  operatingSystem: string;
  /** Unobserved taste for buying: the noise no model can explain. */
  propensity: number;
  /** Unobserved engagement: shifts page counts for all of the visitor's sessions. */
  engagement: number;
}

function visitorId(random: Random): string {
  let id = String(1 + random.int(9));
  const length = 17 + random.int(3);
  while (id.length < length) id += String(random.int(10));
  return id;
}

function ymd(seconds: number): string {
  const date = new Date(seconds * 1000);
  return `${date.getUTCFullYear()}${String(date.getUTCMonth() + 1).padStart(2, '0')}${String(date.getUTCDate()).padStart(2, '0')}`;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Hours in UTC: traffic and purchases peak in the American afternoon and evening. */
const HOUR_WEIGHTS = Array.from({ length: 24 }, (_, hour) => 1 + 0.7 * Math.cos((2 * Math.PI * (hour - 19)) / 24));
/** Sunday..Saturday; weekends are quieter. */
const WEEKDAY_WEIGHTS = [0.7, 1, 1.05, 1.05, 1, 0.9, 0.65];

function sessionStart(random: Random, chooseHour: (random: Random) => number): number {
  for (;;) {
    const day = random.int(DAYS);
    const dayStart = YEAR_START_SECONDS + day * DAY_SECONDS;
    const weekday = new Date(dayStart * 1000).getUTCDay();
    const month = new Date(dayStart * 1000).getUTCMonth();
    const holidayLift = month === 10 || month === 11 ? 1.25 : 1;
    if (random.next() * 1.4 < WEEKDAY_WEIGHTS[weekday] * holidayLift) {
      return dayStart + chooseHour(random) * 3600 + random.int(3600);
    }
  }
}

/**
 * Seeded GA-style session rows as CSV. `purchaseValue` is zero for most sessions; whether a
 * session buys follows a sigmoid of page views, hour, channel, device, country and returning
 * visits, and the amount is log-normal around a level set by page views, time on site and
 * country × device, so a model has non-linear signal to find but cannot explain the noise.
 */
export function generateSessionsCsv(rows: number, seed: number): string {
  const random = createRandom(seed);
  const chooseChannel = weightedChoice(CHANNELS.map((channel) => channel.share));
  const chooseSource = CHANNELS.map((channel) => weightedValues(channel.sources));
  const chooseDevice = weightedValues(DEVICES);
  const chooseOs = {
    desktop: weightedValues(OPERATING_SYSTEMS.desktop),
    mobile: weightedValues(OPERATING_SYSTEMS.mobile),
    tablet: weightedValues(OPERATING_SYSTEMS.tablet),
  };
  const chooseBrowser = {
    desktop: weightedValues(BROWSERS.desktop),
    mobile: weightedValues(BROWSERS.mobile),
    tablet: weightedValues(BROWSERS.tablet),
  };
  const chooseCountry = weightedChoice(COUNTRIES.map((_, rank) => countryWeight(rank)));
  const domains = networkDomains(DOMAIN_TAIL);
  const chooseDomain = weightedChoice([27, 16, ...domains.map((_, rank) => 6 / Math.pow(rank + 1, 0.9))]);
  const chooseHour = weightedChoice(HOUR_WEIGHTS);

  const newVisitor = (): Visitor => {
    const country = chooseCountry(random);
    const cities = CITIES[COUNTRIES[country].name];
    const city = random.next() < 0.5 ? NOT_AVAILABLE : cities ? cities[Math.floor(Math.pow(random.next(), 1.6) * cities.length)] : NOT_SET;
    const domainIndex = chooseDomain(random);
    const domain = domainIndex === 0 ? NOT_SET : domainIndex === 1 ? 'unknown.unknown' : domains[domainIndex - 2];
    const device = chooseDevice(random);
    return {
      id: visitorId(random),
      country,
      city,
      domain,
      device,
      browser: chooseBrowser[device](random),
      operatingSystem: chooseOs[device](random),
      propensity: 0.5 * random.normal(),
      engagement: 0.35 * random.normal(),
    };
  };

  interface Session {
    start: number;
    line: string;
  }
  const sessions: Session[] = [];
  while (sessions.length < rows) {
    const visitor = newVisitor();
    // Most visitors come once; a few return many times. Some had visits before the export's year.
    let count = 1;
    while (count < 40 && random.next() < 0.42) count++;
    count = Math.min(count, rows - sessions.length);
    const firstVisitNumber = random.next() < 0.12 ? 2 + random.int(5) : 1;
    const starts = Array.from({ length: count }, () => sessionStart(random, chooseHour)).sort((a, b) => a - b);
    starts.forEach((start, order) => {
      const visitNumber = firstVisitNumber + order;
      sessions.push({ start, line: sessionLine(random, visitor, visitNumber, start) });
    });
  }

  function sessionLine(random: Random, visitor: Visitor, visitNumber: number, start: number): string {
    const channelIndex = chooseChannel(random);
    const channel = CHANNELS[channelIndex];
    const country = COUNTRIES[visitor.country];
    const mobileDevice = visitor.device !== 'desktop';
    const bounced = random.next() < channel.bounceRate + (mobileDevice ? 0.06 : 0);
    let pageviews = 1;
    let hits = random.next() < 0.9 ? 1 : 2;
    let timeOnSite = 0;
    if (!bounced) {
      pageviews = Math.min(500, 2 + Math.floor(Math.exp(1.1 + visitor.engagement + 0.95 * random.normal() + (channelIndex === 3 ? 0.4 : 0))));
      hits = pageviews + Math.floor(pageviews * 0.6 * random.next()) + (random.next() < 0.1 ? 1 + random.int(6) : 0);
      timeOnSite = Math.max(1, Math.round((pageviews - 1) * Math.exp(3.2 + 0.6 * random.normal()) + Math.exp(2 + random.normal())));
    }
    const hour = new Date(start * 1000).getUTCHours();
    const weekday = new Date(start * 1000).getUTCDay();
    let purchaseValue = 0;
    if (!bounced) {
      const logOdds =
        -4.7 +
        5 * sigmoid(1.8 * (Math.log(pageviews) - Math.log(14))) +
        channel.purchaseLift +
        (visitor.device === 'desktop' ? 0.4 : visitor.device === 'tablet' ? -0.1 : -0.5) +
        country.purchaseLift +
        0.6 * Math.cos((2 * Math.PI * (hour - 20)) / 24) +
        0.55 * Math.log(Math.min(visitNumber, 20)) +
        (weekday === 0 || weekday === 6 ? -0.25 : 0) +
        visitor.propensity;
      if (random.next() < sigmoid(logOdds)) {
        const usDesktop = country.name === 'United States' && visitor.device === 'desktop';
        const logAmount =
          3.3 +
          0.35 * Math.log(pageviews) +
          0.12 * Math.log1p(timeOnSite / 60) +
          (usDesktop ? 0.45 : 0) -
          (country.purchaseLift < 0 ? 0.3 : 0) +
          0.7 * random.normal();
        purchaseValue = Math.round(Math.exp(logAmount) * 100) / 100;
      }
    }
    const pageviewsText = random.next() < PAGEVIEWS_MISSING_SHARE ? '' : String(pageviews);
    return [
      visitor.id,
      String(visitNumber),
      String(start),
      ymd(start),
      channel.name,
      visitor.browser,
      visitor.operatingSystem,
      visitor.device,
      mobileDevice ? 'TRUE' : 'FALSE',
      country.continent,
      country.name,
      visitor.city,
      visitor.domain,
      chooseSource[channelIndex](random),
      channel.medium,
      String(hits),
      pageviewsText,
      bounced ? '1' : '',
      visitNumber === 1 ? '1' : '',
      bounced ? '' : String(timeOnSite),
      '1',
      'Not Socially Engaged',
      String(purchaseValue),
    ]
      .map(csvField)
      .join(',');
  }

  sessions.sort((a, b) => a.start - b.start);
  return `${SAMPLE_COLUMNS.join(',')}\n${sessions.map((session) => session.line).join('\n')}\n`;
}

/** The sample as the bytes of a UTF-8 file, as if the user had dropped it. */
export function generateSessionsBytes(rows: number, seed: number): Uint8Array {
  return new TextEncoder().encode(generateSessionsCsv(rows, seed));
}
