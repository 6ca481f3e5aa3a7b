/**
 * A year of volunteer service events (2025-11-01 … 2026-10-31, fixed: the output never depends on the
 * day it is generated). Daily volume follows a weekly rhythm (weekends busiest), the Spring Festival
 * lull and the campaign peaks of the Chinese volunteer calendar; events happen where people live, and a
 * few micro grids are left with no activity at all, as planners would find in real data.
 */
import type { CellIndex } from './cell-index.ts';
import { bboxOf, type Pos, pointInShape } from './geo.ts';
import type { Cell } from './grids.ts';
import type { Rng } from './random.ts';

export const ACTIVITY_KINDS = [
  'patrol',
  'elderly_care',
  'environment',
  'traffic',
  'epidemic',
  'courier_help',
  'publicity',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityEvent {
  id: string;
  time: string;
  kind: ActivityKind;
  volunteers: number;
  hours: number;
  cell: string;
  pos: Pos;
}

export const WINDOW = { first: [2025, 11, 1], days: 365 } as const;

export interface ActivityOptions {
  /** Expected number of events over the year (the daily counts are drawn around it). */
  targetEvents: number;
  /** How many of the emptiest third of micro grids are deliberately left without activity. */
  silentCells: number;
}

const BASE_SHARE: Record<ActivityKind, number> = {
  patrol: 0.22,
  elderly_care: 0.2,
  environment: 0.16,
  traffic: 0.1,
  epidemic: 0.04,
  courier_help: 0.09,
  publicity: 0.11,
  other: 0.08,
};

/** Busy hours per kind (start hour weights 0..23). */
const HOURS: Record<ActivityKind, number[]> = {
  patrol: [0, 0, 0, 0, 0, 0, 1, 2, 4, 4, 3, 2, 1, 1, 2, 2, 2, 2, 4, 5, 4, 2, 1, 0],
  elderly_care: [0, 0, 0, 0, 0, 0, 0, 1, 3, 5, 5, 2, 1, 2, 4, 4, 3, 1, 0, 0, 0, 0, 0, 0],
  environment: [0, 0, 0, 0, 0, 0, 1, 3, 5, 5, 3, 1, 0, 1, 2, 3, 2, 1, 0, 0, 0, 0, 0, 0],
  traffic: [0, 0, 0, 0, 0, 0, 2, 5, 4, 1, 1, 1, 1, 1, 1, 1, 2, 4, 4, 1, 0, 0, 0, 0],
  epidemic: [0, 0, 0, 0, 0, 0, 1, 3, 4, 4, 3, 1, 1, 2, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0],
  courier_help: [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 3, 2, 2, 3, 3, 3, 3, 2, 1, 0, 0, 0],
  publicity: [0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 3, 1, 0, 2, 3, 3, 1, 0, 1, 2, 1, 0, 0, 0],
  other: [0, 0, 0, 0, 0, 0, 0, 1, 3, 3, 3, 2, 1, 2, 3, 3, 2, 1, 0, 0, 0, 0, 0, 0],
};

/** [mean log, spread] of volunteers per event, and typical duration in hours [min, max]. */
const SIZE: Record<ActivityKind, { mu: number; sigma: number; dur: [number, number] }> = {
  patrol: { mu: 1.1, sigma: 0.4, dur: [1, 3] },
  elderly_care: { mu: 0.5, sigma: 0.5, dur: [0.5, 2.5] },
  environment: { mu: 1.8, sigma: 0.6, dur: [1, 3] },
  traffic: { mu: 1.2, sigma: 0.4, dur: [1, 2.5] },
  epidemic: { mu: 1.4, sigma: 0.5, dur: [2, 4] },
  courier_help: { mu: 0, sigma: 0.3, dur: [0.5, 1.5] },
  publicity: { mu: 1.4, sigma: 0.5, dur: [1, 3] },
  other: { mu: 0.9, sigma: 0.6, dur: [1, 3] },
};

interface Day {
  y: number;
  m: number;
  d: number;
  weekday: number; // 0 = Sunday
}

function days(): Day[] {
  const [y0, m0, d0] = WINDOW.first;
  const start = Date.UTC(y0, m0 - 1, d0);
  const out: Day[] = [];
  for (let i = 0; i < WINDOW.days; i++) {
    const t = new Date(start + i * 86_400_000);
    out.push({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), weekday: t.getUTCDay() });
  }
  return out;
}

const md = (day: Day) => day.m * 100 + day.d;
const within = (day: Day, from: number, to: number) => md(day) >= from && md(day) <= to;

/** Overall volume multiplier for a day. */
function volume(day: Day): number {
  const weekly = [1.45, 0.8, 0.85, 0.9, 0.9, 1.0, 1.55][day.weekday] ?? 1;
  let f = weekly;
  // Spring Festival 2026 (17 Feb): people go home, activity collapses, then recovers.
  if (day.y === 2026 && within(day, 214, 223)) f *= 0.35;
  else if (day.y === 2026 && (within(day, 210, 213) || within(day, 224, 228))) f *= 0.7;
  if (within(day, 1001, 1007)) f *= 0.85; // National Day holiday
  if (within(day, 715, 831)) f *= 0.9; // summer heat
  if (within(day, 301, 310)) f *= day.d === 5 ? 2.6 : 1.7; // 学雷锋日 (5 Mar)
  if (within(day, 1201, 1207)) f *= day.d === 5 ? 2.2 : 1.5; // International Volunteer Day
  if (within(day, 624, 701)) f *= 1.4; // 七一
  if (within(day, 910, 930)) f *= 1.3; // civilised-district inspection campaign
  return f;
}

/** Kind mix multipliers for a day (campaigns change what volunteers do). */
function kindBoost(day: Day, kind: ActivityKind): number {
  switch (kind) {
    case 'environment':
      return within(day, 401, 430) ? 2.2 : within(day, 310, 315) ? 1.6 : 1; // 爱国卫生月, 植树节
    case 'patrol':
      return within(day, 715, 915) ? 1.8 : day.y === 2026 && within(day, 210, 224) ? 2.5 : 1; // 防汛防台, festival security
    case 'traffic':
      return within(day, 1001, 1007) || within(day, 404, 406) || (day.y === 2026 && within(day, 201, 213))
        ? 2.2
        : 1;
    case 'epidemic':
      return day.m === 12 || day.m === 1 || day.m === 2 ? 2.2 : 0.7; // flu season
    case 'elderly_care':
      return within(day, 1015, 1020) ? 3 : day.y === 2026 && within(day, 205, 213) ? 1.6 : 1; // 重阳 (18 Oct 2026), festival visits
    case 'publicity':
      return within(day, 301, 310) || within(day, 910, 930) ? 1.8 : 1;
    default:
      return 1;
  }
}

/** Cumulative weights for fast repeated weighted draws (binary search). */
function cumulative(weights: readonly number[]): { cum: Float64Array; total: number } {
  const cum = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => {
    total += w;
    cum[i] = total;
  });
  return { cum, total };
}

function drawIndex(c: { cum: Float64Array; total: number }, rng: Rng): number {
  const r = rng.next() * c.total;
  let lo = 0;
  let hi = c.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((c.cum[mid] ?? 0) > r) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface ActivityResult {
  events: ActivityEvent[];
  /** Micro grids deliberately given no activity. */
  silent: string[];
}

export function buildActivity(
  micros: readonly Cell[],
  index: CellIndex,
  population: ReadonlyMap<string, number>,
  options: ActivityOptions,
  rng: Rng,
): ActivityResult {
  // A few quiet cells: drawn from the emptiest third (farmland, industrial estates).
  const byPeople = micros
    .slice()
    .sort((a, b) => (population.get(a.id) ?? 0) - (population.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
  const silent = new Set(
    rng
      .shuffle(byPeople.slice(0, Math.floor(micros.length / 3)))
      .slice(0, options.silentCells)
      .map((c) => c.id),
  );
  // Some cells are livelier than their population suggests (an active secretary, a big estate).
  const cellWeights = cumulative(
    micros.map((c) => (silent.has(c.id) ? 0 : (population.get(c.id) ?? 0) * Math.exp(0.6 * rng.normal()))),
  );
  const bboxes = micros.map((c) => bboxOf(c.shape));
  const calendar = days();
  const meanVolume = calendar.reduce((s, d) => s + volume(d), 0) / calendar.length;
  const base = options.targetEvents / calendar.length / meanVolume;

  const events: ActivityEvent[] = [];
  for (const day of calendar) {
    const lambda = base * volume(day);
    const n = Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
    const kindWeights = cumulative(ACTIVITY_KINDS.map((k) => BASE_SHARE[k] * kindBoost(day, k)));
    const today: (ActivityEvent & { minute: number })[] = [];
    for (let i = 0; i < n; i++) {
      const kind = ACTIVITY_KINDS[drawIndex(kindWeights, rng)] ?? 'other';
      const hour = drawIndex(cumulative(HOURS[kind]), rng);
      const minute = hour * 60 + 5 * rng.int(0, 11);
      const size = SIZE[kind];
      const volunteers = Math.max(1, Math.min(60, Math.round(Math.exp(size.mu + size.sigma * rng.normal()))));
      const duration = rng.uniform(size.dur[0], size.dur[1]);
      const ci = drawIndex(cellWeights, rng);
      const cell = micros[ci];
      const bb = bboxes[ci];
      if (!cell || !bb) continue;
      let pos: Pos | null = null;
      for (let t = 0; t < 300 && !pos; t++) {
        const p: Pos = [
          Number(rng.uniform(bb[0], bb[2]).toFixed(6)),
          Number(rng.uniform(bb[1], bb[3]).toFixed(6)),
        ];
        // Exactly one micro grid must contain it (not a hole, not the deliberate overlap).
        if (pointInShape(p, cell.shape) && index.only(p)?.id === cell.id) pos = p;
      }
      if (!pos) continue;
      today.push({
        id: '',
        time: '',
        kind,
        volunteers,
        hours: Math.round(volunteers * duration * 10) / 10,
        cell: cell.id,
        pos,
        minute,
      });
    }
    today.sort((a, b) => a.minute - b.minute);
    const date = `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
    for (const e of today) {
      const hh = String(Math.floor(e.minute / 60)).padStart(2, '0');
      const mm = String(e.minute % 60).padStart(2, '0');
      events.push({
        id: `E${String(events.length + 1).padStart(5, '0')}`,
        // Seconds are always written: RFC 3339 (and zod's iso.datetime) require them with an offset.
        time: `${date}T${hh}:${mm}:00+08:00`,
        kind: e.kind,
        volunteers: e.volunteers,
        hours: e.hours,
        cell: e.cell,
        pos: e.pos,
      });
    }
  }
  return { events, silent: [...silent].sort() };
}
