/**
 * Level lists for the sample sessions, shaped like the Google Analytics demo export: a few big
 * levels, a long tail, and GA's own placeholders ((not set), not available in demo dataset...).
 */

export const NOT_AVAILABLE = 'not available in demo dataset';
export const NOT_SET = '(not set)';

export type DeviceCategory = 'desktop' | 'mobile' | 'tablet';

export interface Channel {
  name: string;
  share: number;
  /** Effect on the log-odds of a purchase. */
  purchaseLift: number;
  bounceRate: number;
  sources: readonly (readonly [source: string, weight: number])[];
  medium: string;
}

export const CHANNELS: readonly Channel[] = [
  { name: 'Organic Search', share: 0.42, purchaseLift: 0, bounceRate: 0.48, medium: 'organic', sources: [['google', 90], ['bing', 4], ['yahoo', 3], ['baidu', 1.5], ['duckduckgo', 1], ['ask', 0.5]] },
  { name: 'Social', share: 0.17, purchaseLift: -1.6, bounceRate: 0.62, medium: 'referral', sources: [['youtube.com', 70], ['facebook.com', 10], ['m.facebook.com', 5], ['quora.com', 5], ['reddit.com', 4], ['t.co', 3], ['l.facebook.com', 2], ['pinterest.com', 1]] },
  { name: 'Direct', share: 0.16, purchaseLift: 0.35, bounceRate: 0.44, medium: '(none)', sources: [['(direct)', 1]] },
  { name: 'Referral', share: 0.12, purchaseLift: 1.1, bounceRate: 0.3, medium: 'referral', sources: [['mall.googleplex.com', 45], ['analytics.google.com', 20], ['sites.google.com', 8], ['google.com', 6], ['dfa', 4], ['support.google.com', 4], ['groups.google.com', 3], ['docs.google.com', 3], ['productforums.google.com', 2], ['mail.google.com', 2], ['siliconvalley.about.com', 2], ['blog.golang.org', 1]] },
  { name: 'Paid Search', share: 0.03, purchaseLift: 0.45, bounceRate: 0.42, medium: 'cpc', sources: [['google', 95], ['bing', 5]] },
  { name: 'Affiliates', share: 0.02, purchaseLift: -0.9, bounceRate: 0.55, medium: 'affiliate', sources: [['Partners', 1]] },
  { name: 'Display', share: 0.012, purchaseLift: 0.25, bounceRate: 0.5, medium: 'cpm', sources: [['dfa', 80], ['google', 20]] },
  { name: '(Other)', share: 0.0015, purchaseLift: 0, bounceRate: 0.5, medium: NOT_SET, sources: [[NOT_SET, 1]] },
];

export const DEVICES: readonly (readonly [DeviceCategory, number])[] = [
  ['desktop', 0.7],
  ['mobile', 0.26],
  ['tablet', 0.04],
];

export const OPERATING_SYSTEMS: Record<DeviceCategory, readonly (readonly [string, number])[]> = {
  desktop: [['Windows', 45], ['Macintosh', 35], ['Linux', 5], ['Chrome OS', 4], [NOT_SET, 0.5], ['FreeBSD', 0.1]],
  mobile: [['Android', 55], ['iOS', 40], ['Windows Phone', 1], ['Samsung', 0.6], ['BlackBerry', 0.4], ['Firefox OS', 0.1]],
  tablet: [['iOS', 60], ['Android', 40]],
};

export const BROWSERS: Record<DeviceCategory, readonly (readonly [string, number])[]> = {
  desktop: [['Chrome', 75], ['Safari', 10], ['Firefox', 6], ['Internet Explorer', 3], ['Edge', 2], ['Opera', 1], ['YaBrowser', 0.4], ['Coc Coc', 0.3], ['Amazon Silk', 0.05], [NOT_SET, 0.1]],
  mobile: [['Chrome', 45], ['Safari', 35], ['Safari (in-app)', 4], ['Android Webview', 5], ['Samsung Internet', 3], ['Opera Mini', 2], ['UC Browser', 1.5], ['Android Browser', 1], ['Firefox', 0.5], [NOT_SET, 0.1]],
  tablet: [['Safari', 50], ['Chrome', 40], ['Android Webview', 5], ['Amazon Silk', 3], ['Firefox', 1]],
};

/** Country, continent, and purchase lift for the countries the shop ships to most. */
export interface Country {
  name: string;
  continent: string;
  purchaseLift: number;
}

const PURCHASE_LIFT: Record<string, number> = { 'United States': 1.3, Canada: 0.5, 'United Kingdom': 0.1, Australia: 0.1, Germany: 0.1, Japan: 0.1 };

/** Roughly in order of sessions in the GA demo export; weights follow that rank. */
const COUNTRIES_BY_RANK = `United States/Americas India/Asia United Kingdom/Europe Canada/Americas Vietnam/Asia Turkey/Asia
Thailand/Asia Germany/Europe Brazil/Americas Japan/Asia France/Europe Mexico/Americas Taiwan/Asia Australia/Oceania
Russia/Europe Spain/Europe Netherlands/Europe Italy/Europe Poland/Europe Indonesia/Asia Philippines/Asia Singapore/Asia
Ireland/Europe Malaysia/Asia Romania/Europe Ukraine/Europe Israel/Asia Peru/Americas Sweden/Europe South Korea/Asia
Argentina/Americas Colombia/Americas Pakistan/Asia Hong Kong/Asia Egypt/Africa Bangladesh/Asia Belgium/Europe Chile/Americas
Switzerland/Europe Czechia/Europe Hungary/Europe Greece/Europe Portugal/Europe Saudi Arabia/Asia Denmark/Europe
United Arab Emirates/Asia Austria/Europe Sri Lanka/Asia Nigeria/Africa Bulgaria/Europe China/Asia Venezuela/Americas
Norway/Europe Finland/Europe Serbia/Europe Slovakia/Europe South Africa/Africa Kenya/Africa Morocco/Africa Ecuador/Americas
New Zealand/Oceania Croatia/Europe Lithuania/Europe Kazakhstan/Asia Belarus/Europe Tunisia/Africa Algeria/Africa Nepal/Asia
Iraq/Asia Jordan/Asia Georgia/Asia Slovenia/Europe Bosnia & Herzegovina/Europe Dominican Republic/Americas Latvia/Europe
Puerto Rico/Americas Guatemala/Americas Costa Rica/Americas Estonia/Europe Armenia/Asia Kuwait/Asia Qatar/Asia
Macedonia (FYROM)/Europe Uruguay/Americas Azerbaijan/Asia Lebanon/Asia Albania/Europe Moldova/Europe Ghana/Africa Oman/Asia
Panama/Americas Bolivia/Americas Cyprus/Asia Luxembourg/Europe El Salvador/Americas Honduras/Americas Cambodia/Asia
Myanmar (Burma)/Asia Uzbekistan/Asia Ethiopia/Africa Jamaica/Americas Paraguay/Americas Mongolia/Asia Bahrain/Asia
Trinidad & Tobago/Americas Malta/Europe Iceland/Europe Montenegro/Europe Kosovo/Europe Nicaragua/Americas Tanzania/Africa
Uganda/Africa Kyrgyzstan/Asia Cameroon/Africa Côte d’Ivoire/Africa Zimbabwe/Africa Mauritius/Africa Laos/Asia Macau/Asia
Brunei/Asia Maldives/Asia Senegal/Africa Libya/Africa Sudan/Africa Zambia/Africa Angola/Africa Mozambique/Africa
Rwanda/Africa Botswana/Africa Namibia/Africa Madagascar/Africa Benin/Africa Tajikistan/Asia Turkmenistan/Asia Yemen/Asia
Afghanistan/Asia Palestine/Asia Syria/Asia Iran/Asia Haiti/Americas Bahamas/Americas Barbados/Americas Guyana/Americas
Suriname/Americas Belize/Americas Cuba/Americas Fiji/Oceania Papua New Guinea/Oceania Guam/Oceania French Polynesia/Oceania
New Caledonia/Oceania Réunion/Africa Martinique/Americas Guadeloupe/Americas Aruba/Americas Curaçao/Americas
Bermuda/Americas Cayman Islands/Americas Andorra/Europe Monaco/Europe Liechtenstein/Europe San Marino/Europe Gibraltar/Europe
Jersey/Europe Guernsey/Europe Isle of Man/Europe Faroe Islands/Europe Greenland/Americas Bhutan/Asia Timor-Leste/Asia
Somalia/Africa Djibouti/Africa Eritrea/Africa Gabon/Africa Congo - Kinshasa/Africa Congo - Brazzaville/Africa Mali/Africa
Niger/Africa Chad/Africa Burkina Faso/Africa Togo/Africa Guinea/Africa Sierra Leone/Africa Liberia/Africa Gambia/Africa
Lesotho/Africa Eswatini/Africa Malawi/Africa Seychelles/Africa Cape Verde/Africa St. Lucia/Americas Grenada/Americas
Antigua & Barbuda/Americas Dominica/Americas St. Kitts & Nevis/Americas Samoa/Oceania Tonga/Oceania Vanuatu/Oceania
Bonaire, Sint Eustatius and Saba/Americas`;

export const COUNTRIES: readonly Country[] = [...COUNTRIES_BY_RANK.matchAll(/\s*(.+?)\/(Americas|Asia|Europe|Africa|Oceania)/g)].map(
  ([, name, continent]) => ({ name, continent, purchaseLift: PURCHASE_LIFT[name] ?? -0.5 }),
);

/** Sessions per country fall off with rank; the United States alone takes about 40%. */
export function countryWeight(rank: number): number {
  return rank === 0 ? 2.4 : 1 / Math.pow(rank + 1, 1.2);
}

export const CITIES: Record<string, readonly string[]> = {
  'United States': ['Mountain View', 'New York', 'San Francisco', 'Sunnyvale', 'San Jose', 'Los Angeles', 'Chicago', 'Seattle', 'Austin', 'Palo Alto', 'Kirkland', 'Cambridge', 'Boston', 'Atlanta', 'Washington', 'San Diego', 'Houston', 'Denver', 'Dallas', 'Philadelphia', 'Ann Arbor', 'Salem', 'Irvine', 'Santa Clara', 'Fremont', 'Jersey City', 'Portland', 'Phoenix', 'Minneapolis', 'Pittsburgh', 'Milpitas', 'Oakland', 'Redmond', 'Bellevue', 'Cupertino', 'San Mateo', 'Berkeley', 'Detroit', 'Columbus', 'Nashville'],
  India: ['Bengaluru', 'Hyderabad', 'Mumbai', 'New Delhi', 'Chennai', 'Pune', 'Gurgaon', 'Kolkata', 'Ahmedabad', 'Noida', 'Jaipur', 'Kochi'],
  'United Kingdom': ['London', 'Manchester', 'Edinburgh', 'Birmingham', 'Glasgow', 'Leeds', 'Bristol'],
  Canada: ['Toronto', 'Vancouver', 'Montreal', 'Ottawa', 'Calgary', 'Waterloo', 'Edmonton'],
  Vietnam: ['Ho Chi Minh City', 'Hanoi', 'Da Nang'],
  Turkey: ['Istanbul', 'Ankara', 'Izmir', 'Bursa'],
  Thailand: ['Bangkok', 'Chiang Mai', 'Phuket'],
  Germany: ['Berlin', 'Munich', 'Hamburg', 'Frankfurt', 'Cologne', 'Stuttgart', 'Dusseldorf'],
  Brazil: ['Sao Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre'],
  Japan: ['Tokyo', 'Osaka', 'Yokohama', 'Kyoto', 'Nagoya'],
  France: ['Paris', 'Lyon', 'Marseille', 'Toulouse'],
  Mexico: ['Mexico City', 'Guadalajara', 'Monterrey'],
  Taiwan: ['Taipei', 'Taichung', 'Kaohsiung', 'Hsinchu'],
  Australia: ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide'],
  Russia: ['Moscow', 'Saint Petersburg', 'Novosibirsk'],
  Spain: ['Madrid', 'Barcelona', 'Valencia', 'Seville'],
  Netherlands: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven'],
  Italy: ['Milan', 'Rome', 'Turin', 'Naples'],
  Poland: ['Warsaw', 'Krakow', 'Wroclaw'],
  Indonesia: ['Jakarta', 'Bandung', 'Surabaya'],
  Philippines: ['Manila', 'Makati', 'Quezon City', 'Cebu City'],
  Singapore: ['Singapore'],
  Ireland: ['Dublin', 'Cork'],
  Malaysia: ['Kuala Lumpur', 'Petaling Jaya', 'Penang'],
  Israel: ['Tel Aviv-Yafo', 'Jerusalem', 'Haifa'],
  'South Korea': ['Seoul', 'Busan'],
  'Hong Kong': ['Hong Kong'],
};

/** Big network domains first; a seeded tail of smaller ISPs follows in `networkDomains`. */
const KNOWN_DOMAINS = ['comcast.net', 'rr.com', 'verizon.net', 'ttnet.com.tr', 'comcastbusiness.net', 'hinet.net', 'virginm.net', '3bb.co.th', 'prod-infinitum.com.mx', 'cox.net', 'sbcglobal.net', 'btcentralplus.com', 'att.net', 'optonline.net', 'google.com', 'totbb.net', 'vectant.ne.jp', 'amazonaws.com', 'asianet.co.th', 'pldt.net', 'rima-tde.net', 'qwest.net', 'bell.ca', 'charter.com', 'ocn.ne.jp', 'telecomitalia.it', 'myvzw.com', 'shawcable.net', 'rogers.com', 'videotron.ca', 'wanadoo.fr', 'telefonica.de', 'bezeqint.net', 'airtelbroadband.in', 'vodafone-ip.de', 'uninet-ide.com.mx', 'fibertel.com.ar', 'ziggo.nl', 'orange.fr', 'sfr.net'];

const DOMAIN_SYLLABLES = ['tel', 'net', 'link', 'star', 'fibra', 'uni', 'wave', 'com', 'sky', 'max', 'data', 'city', 'line', 'web', 'air', 'nova', 'global', 'metro', 'speed', 'terra'];
const DOMAIN_ENDINGS = ['.net', '.com', '.com.br', '.co.uk', '.de', '.in', '.net.au', '.ru', '.pl', '.es', '.it', '.co.id', '.vn', '.com.tw', '.ca'];

/** The known domains and `tailSize` synthetic ones, in rank order (weights fall with rank). */
export function networkDomains(tailSize: number): string[] {
  const domains = [...KNOWN_DOMAINS];
  const seen = new Set(domains);
  for (let k = 0; domains.length < KNOWN_DOMAINS.length + tailSize; k++) {
    const first = DOMAIN_SYLLABLES[k % DOMAIN_SYLLABLES.length];
    const second = DOMAIN_SYLLABLES[Math.floor(k / DOMAIN_SYLLABLES.length) % DOMAIN_SYLLABLES.length];
    const ending = DOMAIN_ENDINGS[(k * 7) % DOMAIN_ENDINGS.length];
    const domain = `${first}${second}${ending}`;
    if (!seen.has(domain)) {
      seen.add(domain);
      domains.push(domain);
    }
  }
  return domains;
}
