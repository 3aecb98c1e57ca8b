// Writes examples/complaints.jsonl: a month of a European web shop's complaints, and a few of its
// Turkish and Iranian storefronts' in lira and rials, generated from a fixed seed so that the file (and
// every simulation over it) is the same on every machine. The lira and rial complaints need the example
// rates (--rates examples/rates.json; the default rules are in euros).
//
//   node examples/generate.mjs                       # 1,200 + 2 × 6 complaints → examples/complaints.jsonl
//   node examples/generate.mjs --count 200000 --markets 0 --out /tmp/big.jsonl [--seed 7]
//
// Without --out it writes the bundled file, and only with the bundled file's own count, markets and
// seed: any other mix needs --out, so that a trial run cannot replace the examples every doc and test
// reads.
//
// The mix follows what the complaint-handling guides describe: mostly late and faulty deliveries, some
// billing and service problems, a few public posts with a large audience, repeat complainers, the odd
// legal threat or abusive call. Every line is a valid complaint.
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DAY = 86_400_000;

/** The bundled file and the options it is generated with. */
const BUNDLED = fileURLToPath(new URL('./complaints.jsonl', import.meta.url));
const DEFAULTS = { count: '1200', markets: '6', seed: '20260301' };

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence everywhere. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function picker(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const weighted = (table) => {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = random() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1][0];
  };
  const chance = (p) => random() < p;
  // Log-uniform: audiences and spend span orders of magnitude.
  const logUniform = (min, max) => Math.exp(Math.log(min) + random() * (Math.log(max) - Math.log(min)));
  return { int, pick, weighted, chance, logUniform };
}

const CATEGORY_MIX = [
  ['late_delivery', 25],
  ['damaged_item', 14],
  ['wrong_item', 12],
  ['missing_item', 9],
  ['billing_error', 10],
  ['service_outage', 10],
  ['poor_quality', 10],
  ['staff_behavior', 6],
  ['other', 4],
];

const PRODUCTS = [
  ['SHOE-RUN-42', 'Running shoes, size 42', 89.9],
  ['SHOE-BOOT-39', 'Leather boots, size 39', 139],
  ['JACKET-RAIN-M', 'Rain jacket, M', 119],
  ['SHIRT-LIN-L', 'Linen shirt, L', 39.9],
  ['SCARF-WOOL', 'Wool scarf', 29.5],
  ['BAG-TOTE', 'Canvas tote bag', 24.9],
  ['MUG-STONE', 'Stoneware mug', 12.5],
  ['VASE-GLASS', 'Glass vase', 45],
  ['LAMP-DESK', 'Desk lamp', 64.99],
  ['KETTLE-STEEL', 'Steel kettle', 54.9],
  ['PAN-CAST-28', 'Cast-iron pan, 28 cm', 74.5],
  ['BOOK-NOVEL', 'Novel, hardcover', 22],
  ['BOOK-COOK', 'Cookbook', 34.95],
  ['HEADPH-BT', 'Bluetooth headphones', 129],
  ['SPEAKER-MINI', 'Mini speaker', 49.9],
  ['CHARGER-65W', 'USB-C charger 65 W', 39],
  ['TEA-SET', 'Tea sampler', 17.5],
  ['COFFEE-1KG', 'Coffee beans, 1 kg', 24],
  ['TOY-BLOCKS', 'Wooden blocks', 32],
  ['DRONE-MINI', 'Mini drone', 249],
  ['COAT-WOOL-L', 'Wool coat, L', 289],
  ['WATCH-CLASSIC', 'Classic watch', 199],
  ['SOCKS-5', 'Socks, 5 pairs', 14.9],
  ['PLANT-POT', 'Ceramic plant pot', 19.9],
];

const PLANS = [
  ['Basic', 4.99],
  ['Plus', 9.99],
  ['Premium', 14.99],
  ['Family', 17.99],
];

const NAMES = [
  'Ayşe Yılmaz',
  'Mehmet Demir',
  'Zeynep Kaya',
  'Emre Şahin',
  'Sara Rahimi',
  'Reza Ahmadi',
  'Maryam Karimi',
  'Anna Schmidt',
  'Lukas Müller',
  'Sofia Rossi',
  'Lucas Martin',
  'Emma de Vries',
  'Jan Kowalski',
  'Elif Arslan',
  'Noah Becker',
];

const LOCALES = ['en', 'tr', 'fa', 'de', 'fr', 'nl', 'it', 'pl'];
const REGIONS = ['DE-BE', 'DE-BY', 'NL-NH', 'FR-IDF', 'IT-MI', 'TR-34', 'AT-9', 'PL-MZ'];
const PLATFORMS = { social: ['Instagram', 'X', 'TikTok', 'Facebook'], review: ['Trustpilot', 'Google'] };
const STORES = ['store-berlin', 'store-munich', 'store-amsterdam', 'store-paris'];
const AGENTS = ['agent-ana', 'agent-bora', 'agent-chloe', 'agent-daniel', 'agent-ece'];

const SUMMARIES = {
  late_delivery: [
    'The parcel still has not arrived.',
    'Delivered days after the promised date.',
    'Needed it for a birthday; it came too late.',
    'Tracking has not moved for a week.',
  ],
  damaged_item: [
    'Arrived broken.',
    'The box was crushed and the item is dented.',
    'Cracked on arrival.',
    'Scratched all over when I unpacked it.',
  ],
  wrong_item: [
    'Received a different size than I ordered.',
    'This is not the colour I ordered.',
    'Got someone else’s order.',
    'Wrong model in the box.',
  ],
  missing_item: [
    'One item was missing from the parcel.',
    'The box was half empty.',
    'Only part of my order arrived.',
  ],
  billing_error: [
    'Charged twice.',
    'The invoice does not match the order.',
    'Paid for express shipping but was charged again.',
    'The discount code was not applied.',
  ],
  service_outage: [
    'Streaming was down all evening.',
    'Could not log in for two days.',
    'The service keeps dropping out.',
    'Third outage this month.',
  ],
  poor_quality: [
    'The seams came apart after one wash.',
    'Stopped working after a week.',
    'Much thinner than in the photos.',
    'The coating peels off.',
  ],
  staff_behavior: [
    'The cashier was dismissive.',
    'The agent hung up on me.',
    'Was shouted at in the store.',
    'Nobody called back as promised.',
  ],
  other: [
    'The website keeps logging me out.',
    'Cannot change my delivery address.',
    'The app crashes at checkout.',
  ],
};

const pad = (n) => String(n).padStart(2, '0');
const day = (ms) => new Date(ms).toISOString().slice(0, 10);
const cents = (amount) => Math.round(amount * 100);
const euros = (c) => c / 100;

/** A fixed pool of customers, so that some complain more than once and value varies realistically. */
function makeCustomers(count, g, monthStart) {
  const customers = [];
  for (let i = 0; i < count; i++) {
    // A third are new customers with an order or two; the rest have been around for years.
    const isNew = g.chance(0.35);
    const since = monthStart - (isNew ? g.int(10, 150) : g.int(150, 8 * 365)) * DAY;
    const months = Math.max(1, (monthStart - since) / (30 * DAY));
    const orderCount = isNew
      ? g.int(1, 2)
      : Math.max(1, Math.round(g.logUniform(1, Math.min(90, months * 2))));
    const lifetimeSpend = euros(cents(orderCount * g.logUniform(15, 160)));
    customers.push({
      id: `u-${String(i + 1).padStart(5, '0')}`,
      since: day(since),
      lifetimeSpend,
      orderCount,
      subscription: g.chance(0.3) ? g.pick(PLANS) : null,
      name: g.chance(0.6) ? g.pick(NAMES) : undefined,
      locale: g.chance(0.7) ? g.pick(LOCALES) : undefined,
      region: g.chance(0.5) ? g.pick(REGIONS) : undefined,
      priorAt: g.chance(0.18) ? Array.from({ length: g.int(1, 3) }, () => g.int(1, 200)) : [],
    });
  }
  return customers;
}

function makeOrder(g, orderNo, receivedMs, category) {
  const lines = [];
  const lineCount = g.weighted([
    [1, 55],
    [2, 25],
    [3, 14],
    [4, 6],
  ]);
  const used = new Set();
  while (lines.length < lineCount) {
    const [sku, name, price] = g.pick(PRODUCTS);
    if (used.has(sku)) continue;
    used.add(sku);
    lines.push({
      sku,
      name,
      quantity: g.weighted([
        [1, 75],
        [2, 18],
        [3, 7],
      ]),
      unitPrice: price,
    });
  }
  if (['damaged_item', 'wrong_item', 'missing_item', 'poor_quality'].includes(category) && lines.length > 1) {
    // Often only some of the order is affected.
    if (g.chance(0.6)) {
      const hit = g.int(0, lines.length - 1);
      lines.forEach((line, i) => {
        line.affectedQuantity = i === hit ? g.int(1, line.quantity) : 0;
      });
    }
  }
  const totalCents = lines.reduce((s, l) => s + cents(l.unitPrice) * l.quantity, 0);
  const late = category === 'late_delivery';
  const placedMs = receivedMs - g.int(late ? 8 : 4, late ? 28 : 21) * DAY;
  const promisedMs = placedMs + g.int(2, 5) * DAY;
  const order = {
    id: `o-${String(orderNo).padStart(6, '0')}`,
    total: euros(totalCents),
    currency: 'EUR',
    placedAt: day(placedMs),
    promisedAt: day(promisedMs),
  };
  let deliveredMs = null;
  if (late) {
    if (g.chance(0.7))
      deliveredMs =
        promisedMs +
        g.weighted([
          [1, 30],
          [2, 22],
          [4, 20],
          [6, 12],
          [9, 10],
          [14, 6],
        ]) *
          DAY;
  } else if (category !== 'billing_error' || g.chance(0.8)) {
    deliveredMs = promisedMs - g.int(0, 1) * DAY;
  }
  if (deliveredMs !== null) {
    deliveredMs = Math.min(deliveredMs + g.int(9, 19) * 3_600_000, receivedMs - 3_600_000);
    if (deliveredMs > placedMs) order.deliveredAt = new Date(deliveredMs).toISOString().replace('.000Z', 'Z');
  }
  order.items = lines;
  if (category === 'billing_error' && g.chance(0.7)) {
    const share = g.pick([0.05, 0.1, 0.15, 0.2, 1]);
    order.overcharge = euros(Math.max(1, Math.min(totalCents, Math.round(totalCents * share))));
  }
  return order;
}

/** Where the complaint came in: staff complaints mostly in store, the rest mostly in writing. */
function pickChannel(g, category) {
  return category === 'staff_behavior'
    ? g.weighted([
        ['store', 45],
        ['phone', 20],
        ['social', 15],
        ['email', 15],
        ['review', 5],
      ])
    : g.weighted([
        ['email', 35],
        ['chat', 25],
        ['phone', 14],
        ['social', 10],
        ['review', 9],
        ['store', 7],
      ]);
}

/** An order, a subscription, or both, as the category needs. */
function addOrderAndSubscription(complaint, g, customer, n, receivedUtc) {
  const { category } = complaint;
  const needsSubscription = category === 'service_outage' || (category === 'billing_error' && g.chance(0.25));
  const plan = customer.subscription ?? (needsSubscription ? g.pick(PLANS) : null);
  if (!(category === 'service_outage' || (needsSubscription && category === 'billing_error'))) {
    complaint.order = makeOrder(g, n, receivedUtc, category);
  }
  if (plan && (needsSubscription || g.chance(0.5))) {
    complaint.subscription = { plan: plan[0], monthlyPrice: plan[1], currency: 'EUR' };
  }
  if (!complaint.order && !complaint.subscription) complaint.order = makeOrder(g, n, receivedUtc, category);
}

/** The customer as the complaint carries them, with the complaints they made before this one. */
function customerRecord(g, customer, receivedUtc) {
  const lastOrderMs = receivedUtc - g.int(1, 120) * DAY;
  const sinceMs = Date.parse(`${customer.since}T00:00:00Z`);
  return {
    id: customer.id,
    since: customer.since,
    lifetimeSpend: customer.lifetimeSpend,
    orderCount: customer.orderCount,
    ...(lastOrderMs > sinceMs ? { lastOrderAt: day(lastOrderMs) } : {}),
    priorComplaints: customer.priorAt
      .map((daysBefore) => receivedUtc - daysBefore * DAY)
      .filter((ms) => ms >= sinceMs + DAY)
      .sort((a, b) => a - b)
      .map((ms) => ({ at: day(ms), category: g.weighted(CATEGORY_MIX) })),
    ...(customer.name ? { name: customer.name } : {}),
    ...(customer.locale ? { locale: customer.locale } : {}),
    ...(customer.region ? { region: customer.region } : {}),
  };
}

/** How it was said: posted publicly, the tone, a legal threat, and who took it in a store or on the phone. */
function addManner(complaint, g) {
  const { channel } = complaint;
  if (channel === 'social' || channel === 'review') {
    const reach =
      channel === 'social' ? Math.round(g.logUniform(40, 400_000)) : Math.round(g.logUniform(5, 5_000));
    complaint.exposure = { public: true, platform: g.pick(PLATFORMS[channel]), reach };
  }
  const tone = g.weighted([
    ['calm', 44],
    ['upset', 32],
    ['angry', 21],
    ['abusive', 3],
  ]);
  if (tone !== 'calm') complaint.tone = tone;
  if (g.chance(tone === 'angry' ? 0.06 : 0.008)) complaint.legalThreat = true;
  if (channel === 'store') complaint.owner = g.pick(STORES);
  else if (channel === 'phone' && g.chance(0.5)) complaint.owner = g.pick(AGENTS);
}

/** The `n`th complaint, received at `receivedUtc` from one of `customers`. */
function makeComplaint(g, n, receivedUtc, customers) {
  const customer = g.pick(customers);
  const category = g.weighted(CATEGORY_MIX);
  const channel = pickChannel(g, category);
  const local = new Date(receivedUtc + 3_600_000); // Central European Time, +01:00 in March
  const receivedAt = `${day(local.getTime())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00+01:00`;
  const complaint = {
    id: `c-${String(n).padStart(6, '0')}`,
    receivedAt,
    channel,
    category,
    summary: g.pick(SUMMARIES[category]),
  };
  addOrderAndSubscription(complaint, g, customer, n, receivedUtc);
  complaint.customer = customerRecord(g, customer, receivedUtc);
  addManner(complaint, g);
  return complaint;
}

/**
 * The shop's storefronts in Turkey and Iran, which price in their own money: lira (to the kuruş, prices
 * ending in ,90) and rials (in round thousands of toman, as Iranian shops print them). Their customers
 * write in Turkish and Persian; the agents' summaries are in English, as the European ones are.
 */
const STOREFRONTS = [
  {
    code: 'tr',
    currency: 'TRY',
    offset: '+03:00',
    // Per euro, as examples/rates.json has it; a price is rounded the way the shop prints it.
    rate: 36.5,
    price: (eur) => Math.max(1, Math.round((eur * 36.5) / 10)) * 10 - 0.1,
    minor: (amount) => Math.round(amount * 100) / 100,
    names: ['Ayşe Yılmaz', 'Mehmet Demir', 'Zeynep Kaya', 'Emre Şahin', 'Elif Arslan'],
    locale: 'tr',
    region: 'TR-34',
    store: 'store-istanbul',
    carrier: 'Yurtici-Kargo',
  },
  {
    code: 'ir',
    currency: 'IRR',
    offset: '+03:30',
    rate: 470_000,
    price: (eur) => Math.max(1, Math.round((eur * 470_000) / 100_000)) * 100_000,
    minor: (amount) => Math.max(10_000, Math.round(amount / 10_000) * 10_000),
    names: ['سارا رحیمی', 'رضا احمدی', 'مریم کریمی', 'علی حسینی'],
    locale: 'fa',
    region: 'IR-23',
    store: 'store-tehran',
    carrier: 'Iran-Post',
  },
];

/** An order of a storefront: a European order's lines, priced in the storefront's money. */
function storefrontOrder(g, front, n, receivedMs, category) {
  const order = makeOrder(g, n, receivedMs, category);
  const euroTotal = order.total;
  for (const line of order.items) line.unitPrice = front.price(line.unitPrice);
  const total = front.minor(order.items.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0));
  const local = {
    ...order,
    id: `o-${front.code}-${String(n).padStart(4, '0')}`,
    total,
    currency: front.currency,
    // Their own carrier: a late parcel there is not the European carrier's problem.
    carrier: front.carrier,
  };
  if (order.overcharge !== undefined)
    local.overcharge = Math.min(total, front.minor((order.overcharge / euroTotal) * total));
  return local;
}

/** The `n`th complaint of a storefront, received at `receivedUtc`: an order problem, in local time. */
function storefrontComplaint(g, front, n, receivedUtc) {
  let category = g.weighted(CATEGORY_MIX);
  if (category === 'service_outage') category = 'late_delivery'; // the storefronts sell no subscriptions
  const channel = pickChannel(g, category);
  const [hours, minutes] = front.offset.slice(1).split(':').map(Number);
  const local = new Date(receivedUtc + (hours * 60 + minutes) * 60_000);
  const receivedAt = `${day(local.getTime())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00${front.offset}`;
  const since = Date.UTC(2026, 2, 1) - g.int(20, 4 * 365) * DAY;
  const orderCount = g.int(1, 30);
  const order = storefrontOrder(g, front, n, receivedUtc, category);
  const complaint = {
    id: `c-${front.code}-${String(n).padStart(4, '0')}`,
    receivedAt,
    channel,
    category,
    summary: g.pick(SUMMARIES[category]),
    order,
    customer: {
      id: `u-${front.code}-${String(g.int(1, 400)).padStart(4, '0')}`,
      since: day(since),
      // At least this order's total: it is one of theirs.
      lifetimeSpend: front.minor(Math.max(order.total, orderCount * g.logUniform(15, 160) * front.rate)),
      orderCount,
      priorComplaints: [],
      ...(g.chance(0.7) ? { name: g.pick(front.names) } : {}),
      locale: front.locale,
      region: front.region,
    },
  };
  addManner(complaint, g);
  if (complaint.owner?.startsWith('store-')) complaint.owner = front.store;
  return complaint;
}

/** `perFront` complaints of each storefront, with their instants, from a seed of their own. */
function storefrontComplaints(perFront, seed, monthStart) {
  return STOREFRONTS.flatMap((front, k) => {
    const g = picker(prng(seed + 7919 * (k + 1)));
    const times = Array.from(
      { length: perFront },
      () => monthStart + g.int(0, 30) * DAY + g.int(7 * 60, 21 * 60) * 60_000,
    ).sort((a, b) => a - b);
    return times.map((t, i) => ({ t, complaint: storefrontComplaint(g, front, i + 1, t) }));
  }).sort((a, b) => a.t - b.t);
}

/**
 * The complaints, one JSON text per line, in the order they were received: `count` of the European
 * shop's and `markets` of each of its Turkish and Iranian storefronts (generated from their own seed,
 * so the European complaints are the same with or without them).
 */
export function* generateComplaints(count, seed = 20260301, markets = 0) {
  const g = picker(prng(seed));
  const monthStart = Date.UTC(2026, 2, 1);
  const customers = makeCustomers(Math.max(20, Math.ceil(count * 0.7)), g, monthStart);
  // Spread over March 2026, in time order, with a busier second half (a carrier had trouble).
  const times = Array.from({ length: count }, () => {
    const d = g.chance(0.6) ? g.int(14, 30) : g.int(0, 30);
    return monthStart + d * DAY + g.int(7 * 60, 21 * 60) * 60_000;
  }).sort((a, b) => a - b);
  const abroad = storefrontComplaints(markets, seed, monthStart);
  let next = 0;
  for (let i = 0; i < count; i++) {
    // The storefronts' complaints made up by the time of this one come first (after it, on a tie).
    const own = makeComplaint(g, i + 1, times[i], customers);
    while (next < abroad.length && abroad[next].t < times[i]) yield JSON.stringify(abroad[next++].complaint);
    yield JSON.stringify(own);
  }
  while (next < abroad.length) yield JSON.stringify(abroad[next++].complaint);
}

/** A mix other than the bundled one may not overwrite the bundled file (only --out says where it goes). */
function refuseToReplaceTheBundledFile(values) {
  if (values.out !== BUNDLED) return;
  const changed = Object.keys(DEFAULTS).filter((key) => Number(values[key]) !== Number(DEFAULTS[key]));
  if (changed.length === 0) return;
  const given = changed.map((key) => `--${key} ${values[key]}`).join(' ');
  throw new Error(
    `${given} would replace the bundled examples/complaints.jsonl, which is generated with --count ${DEFAULTS.count} --markets ${DEFAULTS.markets} --seed ${DEFAULTS.seed}; name the file to write with --out, e.g. --out /tmp/complaints.jsonl`,
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: DEFAULTS.count },
      markets: { type: 'string', default: DEFAULTS.markets },
      seed: { type: 'string', default: DEFAULTS.seed },
      out: { type: 'string', default: BUNDLED },
    },
  });
  refuseToReplaceTheBundledFile(values);
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--count must be a whole number ≥ 1, not ${values.count}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, not ${values.seed}`);
  const markets = Number(values.markets);
  if (!Number.isInteger(markets) || markets < 0)
    throw new Error(`--markets must be a whole number ≥ 0, not ${values.markets}`);
  const out = createWriteStream(values.out);
  let batch = '';
  for (const line of generateComplaints(count, seed, markets)) {
    batch += `${line}\n`;
    if (batch.length > 1 << 20) {
      const flushed = out.write(batch);
      batch = '';
      if (!flushed) await new Promise((resolve) => out.once('drain', resolve));
    }
  }
  out.end(batch);
  await new Promise((resolve, reject) => out.on('finish', resolve).on('error', reject));
  console.error(`wrote ${count + 2 * markets} complaints to ${values.out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(`generate: ${error.message}`);
    process.exitCode = 2;
  });
}
