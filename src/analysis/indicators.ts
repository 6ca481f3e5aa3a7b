import { ancestry } from '../data/grid-index.ts';
import type { LocalizedName } from '../data/localized.ts';
import type {
  Compute,
  ComputeKey,
  Indicator,
  IndicatorCategory,
  IndicatorStatus,
} from '../data/programme-schema.ts';
import type { RegionPack } from '../data/region-pack.ts';

/**
 * The programme scorecard: each target indicator with its actual value, either reported (hand-typed in
 * the pack, with its source) or computed here from the pack's own data. Pure functions of the pack, so
 * the CLI, the app and the tests compute the same numbers.
 */

/** `YYYY-MM-DD` of an ISO date-time as written (the calendar day in its own offset). */
const dayOf = (time: string) => time.slice(0, 10);
const inPeriod = (day: string, from?: string, to?: string) =>
  (from === undefined || day >= from) && (to === undefined || day <= to);

/** Cell ids of one level paired (结对) with at least one partner, directly or through a cell below. */
export function pairedCells(pack: RegionPack, level: string): Set<string> {
  const out = new Set<string>();
  for (const p of pack.partners) {
    for (const id of p.properties.cells ?? [])
      for (const c of ancestry(pack.grid, id)) if (c.properties.level === level) out.add(c.properties.id);
  }
  return out;
}

/** The value of one computation over the pack. Shares are percentages (0–100), unrounded. */
export function computeValue(pack: RegionPack, compute: Compute): number {
  switch (compute.key) {
    case 'cell-count': {
      const depth = pack.grid.depthOf.get(compute.level);
      return depth === undefined ? 0 : (pack.grid.byDepth[depth]?.length ?? 0);
    }
    case 'service-count':
      return pack.services.filter((s) => compute.kind === undefined || s.properties.kind === compute.kind)
        .length;
    case 'partner-count':
      return pack.partners.filter(
        (p) =>
          (compute.kind === undefined || p.properties.kind === compute.kind) &&
          (compute.committee === undefined || p.properties.committee === compute.committee),
      ).length;
    case 'partner-coverage': {
      const depth = pack.grid.depthOf.get(compute.level);
      const cells = depth === undefined ? 0 : (pack.grid.byDepth[depth]?.length ?? 0);
      return cells === 0 ? 0 : (100 * pairedCells(pack, compute.level).size) / cells;
    }
    case 'volunteer-hours':
    case 'volunteer-events': {
      let sum = 0;
      for (const e of pack.activity) {
        if (!inPeriod(dayOf(e.properties.time), compute.from, compute.to)) continue;
        sum += compute.key === 'volunteer-hours' ? e.properties.hours : 1;
      }
      // Hours are decimals in the pack: round away float noise (0.1 + 0.2), not real precision.
      return Math.round(sum * 1000) / 1000;
    }
    case 'project-count':
      return pack.projects.filter(
        (p) =>
          (compute.domain === undefined || p.properties.domain === compute.domain) &&
          (compute.status === undefined || p.properties.status === compute.status),
      ).length;
    case 'committee-count':
      return pack.programme.committees.filter(
        (c) =>
          (compute.kind === undefined || c.kind === compute.kind) &&
          (compute.status === undefined || c.status === compute.status),
      ).length;
    case 'meeting-count':
      return pack.programme.meetings.filter((m) => inPeriod(m.date, compute.from, compute.to)).length;
  }
}

/** met: the target is reached; near: 80 % of the way or more; behind: less. */
export function deriveStatus(actual: number, target: number, better: 'higher' | 'lower'): IndicatorStatus {
  const ratio = better === 'higher' ? (target <= 0 ? 1 : actual / target) : actual <= 0 ? 1 : target / actual;
  if (ratio >= 1) return 'met';
  return ratio >= 0.8 ? 'near' : 'behind';
}

export interface ScoredIndicator {
  id: string;
  category: string;
  name: LocalizedName;
  unit: { zh: string; en?: string | undefined } | null;
  target: number;
  better: 'higher' | 'lower';
  actual: number;
  /** Computed from the pack (`compute` names how) or reported (hand-typed, with its source). */
  origin: { kind: 'computed'; key: ComputeKey; compute: Compute } | { kind: 'reported'; source: string };
  status: IndicatorStatus;
  /** Whether the status was given by the reporter rather than derived from actual and target. */
  statusReported: boolean;
  period: string | null;
  /** Earlier values, oldest first, then the actual one (period null when the pack gives none). */
  series: { period: string | null; value: number }[];
  /** Change from the previous value, or null without one. */
  change: number | null;
  note: LocalizedName | null;
  generated: boolean;
}

export function scoreIndicator(pack: RegionPack, ind: Indicator): ScoredIndicator {
  const actual = ind.compute ? computeValue(pack, ind.compute) : (ind.actual ?? 0);
  const history =
    ind.previous !== undefined
      ? [{ period: null, value: ind.previous }]
      : ind.trend.map((t) => ({ period: t.period as string | null, value: t.value }));
  const previous = history[history.length - 1];
  return {
    id: ind.id,
    category: ind.category,
    name: ind.name,
    unit: ind.unit ?? null,
    target: ind.target,
    better: ind.better,
    actual,
    origin: ind.compute
      ? { kind: 'computed', key: ind.compute.key, compute: ind.compute }
      : { kind: 'reported', source: ind.source ?? '' },
    status: ind.status ?? deriveStatus(actual, ind.target, ind.better),
    statusReported: ind.status !== undefined,
    period: ind.period ?? null,
    series: [...history, { period: ind.period ?? null, value: actual }],
    change: previous ? actual - previous.value : null,
    note: ind.note ?? null,
    generated: ind.generated,
  };
}

export interface ScorecardGroup {
  category: IndicatorCategory;
  indicators: ScoredIndicator[];
  counts: Record<IndicatorStatus, number>;
}

/** The scorecard grouped by the document's categories, in the document's order. */
export function buildScorecard(pack: RegionPack): ScorecardGroup[] {
  const { categories, indicators } = pack.programme;
  return categories.map((category) => {
    const scored = indicators.filter((i) => i.category === category.id).map((i) => scoreIndicator(pack, i));
    const counts: Record<IndicatorStatus, number> = { met: 0, near: 0, behind: 0 };
    for (const s of scored) counts[s.status]++;
    return { category, indicators: scored, counts };
  });
}
