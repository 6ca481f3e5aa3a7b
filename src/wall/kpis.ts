import type { CoverageReport } from '../analysis/analyse-pack.ts';
import type { ProjectStatus } from '../data/feature-schemas.ts';
import { ancestry } from '../data/grid-index.ts';
import { type Lang, pickName } from '../data/localized.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { LiveStatus, ProjectFeature } from '../data/status-merge.ts';
import type { OnDutyCounts, ResponseLevel, StatusAlert } from '../data/status-schema.ts';
import {
  type ActivityBasis,
  DAY_MS,
  type RecentEvent,
  shanghaiDayOf,
  shanghaiDayStart,
  TREND_DAYS,
  trendStart,
} from './activity-basis.ts';
import type { TourStop } from './tour.ts';

/**
 * Every number on the wall, as plain data computed by pure functions (tested in node against counts
 * made independently from the pack files). The components only format them.
 */

export interface LevelKpi {
  level: string;
  name: string;
  cells: number;
  /** Covered share of the district (0…1) from the coverage worker's report; null until it arrives. */
  coveredShare: number | null;
  /** False when the analysis could not clip at this level (the share may be too high). */
  complete: boolean;
}

export interface ProjectKpis {
  total: number;
  /** Under way: status `active` or `delayed`. */
  active: number;
  /** Under way and not reported late: status `active`. */
  onTrack: number;
  /** Status `delayed` (the pack's or the live feed's word). */
  delayed: number;
  done: number;
  planned: number;
  suspended: number;
}

export interface CountPair {
  events: number;
  /** Sum of each event's `volunteers`: person-times (人次), not distinct people. */
  volunteers: number;
}

export interface DailyCount extends CountPair {
  day: string;
}

export interface ActivityKpis {
  today: CountPair;
  /** The basis day and the six days before it. */
  week: CountPair;
  /** TREND_DAYS days, oldest first, ending on the basis day. */
  daily: DailyCount[];
}

export interface AlertKpis {
  open: number;
  critical: number;
  warning: number;
  info: number;
  /** Cells with at least one open alert. */
  cells: number;
}

export interface Share {
  id: string;
  name: string;
  count: number;
}

export interface DistrictKpis {
  levels: LevelKpi[];
  partners: number;
  /** Partner units per professional committee (专委会), in the manifest's order; "other" last. */
  partnersByCommittee: Share[];
  projects: ProjectKpis;
  activity: ActivityKpis | null;
  /** Null without a live feed: alerts are then unknown, not zero. */
  alerts: AlertKpis | null;
  onDuty: OnDutyCounts | null;
  level: ResponseLevel | null;
}

export function levelKpis(pack: RegionPack, report: CoverageReport | null, lang: Lang): LevelKpi[] {
  const ours = report !== null && report.region.id === pack.manifest.id ? report : null;
  return pack.grid.levels.map((level, depth) => {
    const def = pack.manifest.levels.find((l) => l.id === level);
    const row = ours?.spatial.levels.find((l) => l.level === level);
    return {
      level,
      name: def ? pickName(def.name, lang) : level,
      cells: pack.grid.byDepth[depth]?.length ?? 0,
      coveredShare: row ? row.coveredShare : null,
      complete: row ? row.complete : true,
    };
  });
}

const STATUSES: readonly ProjectStatus[] = ['planned', 'active', 'done', 'delayed', 'suspended'];

export function projectKpis(projects: readonly ProjectFeature[]): ProjectKpis {
  const by = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>;
  for (const p of projects) by[p.properties.status]++;
  return {
    total: projects.length,
    active: by.active + by.delayed,
    onTrack: by.active,
    delayed: by.delayed,
    done: by.done,
    planned: by.planned,
    suspended: by.suspended,
  };
}

export function alertKpis(open: Iterable<readonly StatusAlert[]>): AlertKpis {
  const k: AlertKpis = { open: 0, critical: 0, warning: 0, info: 0, cells: 0 };
  for (const list of open) {
    if (list.length > 0) k.cells++;
    for (const a of list) {
      k.open++;
      k[a.severity]++;
    }
  }
  return k;
}

/** Events per day over the trend window and the today / 7-day sums, of the events `keep` accepts. */
export function activityKpis(
  recent: readonly RecentEvent[],
  basis: ActivityBasis,
  keep: (e: RecentEvent) => boolean = () => true,
): ActivityKpis | null {
  if (basis.kind === 'none') return null;
  const start = trendStart(basis.day);
  const daily: DailyCount[] = Array.from({ length: TREND_DAYS }, (_, i) => ({
    day: shanghaiDayOf(start + i * DAY_MS + DAY_MS / 2),
    events: 0,
    volunteers: 0,
  }));
  for (const e of recent) {
    if (!keep(e)) continue;
    const bucket = daily[Math.floor((e.time - start) / DAY_MS)];
    if (!bucket) continue;
    bucket.events++;
    bucket.volunteers += e.volunteers;
  }
  const sum = (days: DailyCount[]): CountPair =>
    days.reduce((s, d) => ({ events: s.events + d.events, volunteers: s.volunteers + d.volunteers }), {
      events: 0,
      volunteers: 0,
    });
  const last = daily[daily.length - 1];
  return {
    today: last ? { events: last.events, volunteers: last.volunteers } : { events: 0, volunteers: 0 },
    week: sum(daily.slice(-7)),
    daily,
  };
}

export function partnersByCommittee(pack: RegionPack, lang: Lang): Share[] {
  const counts = new Map<string, number>();
  for (const p of pack.partners) {
    const c = p.properties.committee ?? '';
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const shares: Share[] = pack.manifest.committees.map((c) => ({
    id: c.id,
    name: pickName(c.name, lang),
    count: counts.get(c.id) ?? 0,
  }));
  const known = new Set(shares.map((s) => s.id));
  const rest = [...counts].filter(([id]) => !known.has(id)).reduce((n, [, c]) => n + c, 0);
  if (rest > 0) shares.push({ id: '', name: '', count: rest });
  return shares;
}

export interface DistrictInputs {
  pack: RegionPack;
  live: LiveStatus;
  report: CoverageReport | null;
  basis: ActivityBasis;
  recent: readonly RecentEvent[];
  lang: Lang;
}

export function districtKpis({ pack, live, report, basis, recent, lang }: DistrictInputs): DistrictKpis {
  const hasFeed = live.generatedAt !== null;
  return {
    levels: levelKpis(pack, report, lang),
    partners: pack.partners.length,
    partnersByCommittee: partnersByCommittee(pack, lang),
    projects: projectKpis(live.projects),
    activity: activityKpis(recent, basis),
    alerts: hasFeed ? alertKpis(live.openAlertsByCell.values()) : null,
    onDuty: live.onDuty?.total ?? null,
    level: live.responseLevel,
  };
}

/** The figures of one tour stop (an area grid, a town…), shown beside the map while it is on screen. */
export interface StopKpis {
  population: number | null;
  /** Cells below the stop per level (levels under the stop's own). */
  below: { level: string; name: string; count: number }[];
  partners: number;
  projects: ProjectKpis;
  activity: ActivityKpis | null;
  alerts: AlertKpis | null;
  /** Live on-duty counts of the stop when the feed reports this unit (towns), else null. */
  onDuty: OnDutyCounts | null;
  /** Finest-level coverage of a town from the report's per-town rows; null for cells or before it. */
  coveredShare: number | null;
}

export interface StopInputs extends DistrictInputs {
  index: PackIndex;
  stop: TourStop;
}

/** Leaf cells of a stop (memoised per index: a tour asks for the same stops over and over). */
const leafSets = new WeakMap<PackIndex, Map<string, ReadonlySet<string>>>();
function stopLeaves(index: PackIndex, stop: TourStop): ReadonlySet<string> {
  let byStop = leafSets.get(index);
  if (!byStop) {
    byStop = new Map();
    leafSets.set(index, byStop);
  }
  const key = `${stop.kind}:${stop.id}`;
  let set = byStop.get(key);
  if (!set) {
    const ids =
      stop.kind === 'town'
        ? (index.towns.get(stop.id)?.leafIds ?? [])
        : (index.rollups.get(stop.id)?.leafIds ?? []);
    set = new Set(ids);
    byStop.set(key, set);
  }
  return set;
}

/** Whether a cell (any level) lies in the stop: the stop is the cell or an ancestor, or the cell's town. */
export function cellInStop(pack: RegionPack, stop: TourStop, cellId: string): boolean {
  const chain = ancestry(pack.grid, cellId);
  return stop.kind === 'town'
    ? chain.some((c) => c.properties.town === stop.id)
    : chain.some((c) => c.properties.id === stop.id);
}

export function stopKpis({ pack, index, live, report, basis, recent, stop, lang }: StopInputs): StopKpis {
  const { grid } = pack;
  const leaves = stopLeaves(index, stop);
  const depth = stop.kind === 'town' ? -1 : stop.depth;
  // Cells per level within the stop, from its leaves' ancestors: for a town this counts exactly the cells
  // whose leaves lie in it, whatever the `town` written on the cells above.
  const byDepth = grid.levels.map(() => new Set<string>());
  let population = 0;
  let known = 0;
  for (const id of leaves) {
    const chain = ancestry(grid, id);
    chain.forEach((c, d) => {
      byDepth[d]?.add(c.properties.id);
    });
    const p = chain[chain.length - 1]?.properties.population;
    if (typeof p === 'number') {
      population += p;
      known++;
    }
  }
  const topIds = stop.kind === 'town' ? [...(byDepth[0] ?? [])] : [stop.id];
  const below = grid.levels
    .map((level, d) => {
      const def = pack.manifest.levels.find((l) => l.id === level);
      return { level, name: def ? pickName(def.name, lang) : level, count: byDepth[d]?.size ?? 0, d };
    })
    .filter((x) => x.d > depth)
    .map(({ level, name, count }) => ({ level, name, count }));
  const partnerIds = new Set(
    topIds.flatMap((id) => (index.links.partners.get(id) ?? []).map((l) => l.partnerId)),
  );
  const projectIds = new Set(topIds.flatMap((id) => index.links.projects.get(id) ?? []));
  const openHere = [...live.openAlertsByCell]
    .filter(([cell]) => cellInStop(pack, stop, cell))
    .map(([, l]) => l);
  const ours = report !== null && report.region.id === pack.manifest.id ? report : null;
  const townRow = stop.kind === 'town' ? ours?.spatial.towns.find((t) => t.town === stop.id) : undefined;
  return {
    population: known > 0 ? population : null,
    below,
    partners: partnerIds.size,
    projects: projectKpis(live.projects.filter((p) => projectIds.has(p.properties.id))),
    activity: activityKpis(recent, basis, (e) => e.leaf !== null && leaves.has(e.leaf)),
    alerts: live.generatedAt !== null ? alertKpis(openHere) : null,
    onDuty: live.onDuty?.byUnit.get(stop.id) ?? null,
    coveredShare: townRow ? (townRow.levels[townRow.levels.length - 1]?.coveredShare ?? null) : null,
  };
}

/** Start of the basis day and of its 7-day window, for captions ("since …"). */
export function basisWindow(basis: ActivityBasis): { dayStart: number; weekStart: number } | null {
  if (basis.kind === 'none') return null;
  const dayStart = shanghaiDayStart(basis.day);
  return { dayStart, weekStart: dayStart - 6 * DAY_MS };
}
