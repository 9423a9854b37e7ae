// Nexmark generator: a seeded, deterministic stream of Person / Auction / Bid events (proportions 1:3:46).

/** Mulberry32: a small, fast, seeded PRNG — the same seed always gives the same events. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface NexmarkConfig {
  readonly seed: number;
  /** Event-time rate: events per second of event time (the timestamps, not the generation speed). */
  readonly eventsPerSecond: number;
  /** Event time of the first event, epoch ms. */
  readonly baseTime: number;
}

export const DEFAULT_NEXMARK: NexmarkConfig = { seed: 42, eventsPerSecond: 100_000, baseTime: 1_700_000_000_000 };

const PERSON_PROPORTION = 1;
const AUCTION_PROPORTION = 3;
const BID_PROPORTION = 46;
const TOTAL_PROPORTION = PERSON_PROPORTION + AUCTION_PROPORTION + BID_PROPORTION;
const IN_FLIGHT_AUCTIONS = 100;
const ACTIVE_PEOPLE = 1000;
const HOT_AUCTION_RATIO = 2;
const HOT_BIDDER_RATIO = 4;
const HOT_SELLER_RATIO = 4;
const FIRST_PERSON_ID = 1000;
const FIRST_AUCTION_ID = 1000;
const CHANNELS = 10_000;
const US_STATES = ['AZ', 'CA', 'ID', 'OR', 'WA', 'WY'];
const CITIES = ['Phoenix', 'Los Angeles', 'San Francisco', 'Boise', 'Portland', 'Bend', 'Redmond', 'Seattle', 'Kent', 'Cheyenne'];
const FIRST_NAMES = ['Peter', 'Paul', 'Luke', 'John', 'Saul', 'Vicky', 'Kate', 'Julie', 'Sarah', 'Deiter', 'Walter'];
const LAST_NAMES = ['Shultz', 'Abrams', 'Spencer', 'White', 'Bartels', 'Walton', 'Smith', 'Jones', 'Noris'];

export type NexmarkEvent =
  | { readonly type: 'person'; readonly time: number; readonly value: Record<string, unknown> }
  | { readonly type: 'auction'; readonly time: number; readonly value: Record<string, unknown> }
  | { readonly type: 'bid'; readonly time: number; readonly value: Record<string, unknown> };

/** Generates `count` events; event n has time baseTime + n / eventsPerSecond seconds. */
export function* nexmarkEvents(count: number, config: NexmarkConfig = DEFAULT_NEXMARK): Generator<NexmarkEvent> {
  const random = prng(config.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pad = (size: number) => 'x'.repeat(Math.max(0, size - 20 + int(20)));
  for (let n = 0; n < count; n++) {
    const time = config.baseTime + Math.floor((n * 1000) / config.eventsPerSecond);
    const epoch = Math.floor(n / TOTAL_PROPORTION);
    const offset = n % TOTAL_PROPORTION;
    if (offset < PERSON_PROPORTION) {
      const id = FIRST_PERSON_ID + epoch * PERSON_PROPORTION + offset;
      yield {
        type: 'person',
        time,
        value: {
          id,
          name: `${FIRST_NAMES[int(FIRST_NAMES.length)]} ${LAST_NAMES[int(LAST_NAMES.length)]}`,
          emailAddress: `user${id}@example.com`,
          creditCard: `${1000 + int(9000)} ${1000 + int(9000)} ${1000 + int(9000)} ${1000 + int(9000)}`,
          city: CITIES[int(CITIES.length)],
          state: US_STATES[int(US_STATES.length)],
          dateTime: time,
          extra: pad(100),
        },
      };
    } else if (offset < PERSON_PROPORTION + AUCTION_PROPORTION) {
      const id = FIRST_AUCTION_ID + epoch * AUCTION_PROPORTION + (offset - PERSON_PROPORTION);
      const lastPerson = FIRST_PERSON_ID + epoch * PERSON_PROPORTION;
      const seller = int(HOT_SELLER_RATIO) > 0 ? Math.floor(lastPerson / HOT_SELLER_RATIO) * HOT_SELLER_RATIO : lastPerson - int(ACTIVE_PEOPLE);
      const initialBid = 1 + int(1000);
      yield {
        type: 'auction',
        time,
        value: {
          id,
          itemName: `item-${int(100_000)}`,
          description: `description of item ${id}`,
          initialBid,
          reserve: initialBid + int(1000),
          dateTime: time,
          expires: time + 10_000 + int(20_000),
          seller: Math.max(FIRST_PERSON_ID, seller),
          category: 10 + int(5),
          extra: pad(300),
        },
      };
    } else {
      const lastAuction = FIRST_AUCTION_ID + epoch * AUCTION_PROPORTION;
      const auction =
        int(HOT_AUCTION_RATIO) > 0 ? Math.floor(lastAuction / HOT_AUCTION_RATIO) * HOT_AUCTION_RATIO : Math.max(FIRST_AUCTION_ID, lastAuction - int(IN_FLIGHT_AUCTIONS));
      const lastPerson = FIRST_PERSON_ID + epoch * PERSON_PROPORTION;
      const bidder =
        int(HOT_BIDDER_RATIO) > 0 ? Math.floor(lastPerson / HOT_BIDDER_RATIO) * HOT_BIDDER_RATIO + 1 : Math.max(FIRST_PERSON_ID, lastPerson - int(ACTIVE_PEOPLE));
      const channel = int(2) === 0 ? ['Google', 'Facebook', 'Baidu', 'Apple'][int(4)] : `channel-${int(CHANNELS)}`;
      yield {
        type: 'bid',
        time,
        value: {
          auction,
          bidder,
          price: 100 + int(10_000_000),
          channel,
          url: `https://www.nexmark.com/${channel}/item.htm?query=1`,
          dateTime: time,
          extra: pad(30),
        },
      };
    }
  }
}
