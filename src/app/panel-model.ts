import { type Finding, type FindingKind, GRID_FINDING_KINDS } from '../analysis/finding.ts';
import type { ProjectStatus } from '../data/feature-schemas.ts';
import { ancestry } from '../data/grid-index.ts';
import { type Lang, pickName } from '../data/localized.ts';
import { type ActivitySummary, summariseActivity } from '../data/pack-index/activity-index.ts';
import type { PartnerLink } from '../data/pack-index/cell-links.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import { rollupLeaves } from '../data/pack-index/rollups.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { LiveStatus } from '../data/status-merge.ts';
import type { StatusAlert } from '../data/status-schema.ts';
import type { DayWindow, Focus } from '../state/url.ts';
import { type CellMeeting, meetingsFor } from './cell-meetings.ts';

export interface Figure {
  value: number | null;
  /** Summed over this many leaf cells (non-leaf subjects only). */
  from?: number;
  /** Leaves that had the number, when fewer than `from`. */
  known?: number;
}

export interface PanelModel {
  kind: 'cell' | 'town';
  id: string;
  name: string;
  /** Level name, or "town". */
  levelName: string;
  code?: string;
  townName?: string;
  leader?: string;
  people: { population: Figure; households: Figure; partyMembers: Figure };
  leafLevelName: string;
  /** Direct children (or a town's top-level cells), with population for the "links to what it counts". */
  children: { id: string; name: string; population: number | null }[];
  childLevelName: string | null;
  /** Descendant counts per level below the subject. */
  below: { levelName: string; count: number }[];
  partners: {
    id: string;
    name: string;
    kind: string;
    committee: string | null;
    paired: boolean;
    inside: boolean;
    via: string[];
  }[];
  projects: {
    id: string;
    name: string;
    status: ProjectStatus;
    progress: number;
    due: string | null;
    domain: string;
  }[];
  window: DayWindow;
  activity: ActivitySummary;
  /** Whole days from the last event (before the window's end) to the window's end; null if none. */
  daysSinceLast: number | null;
  /** Extra properties of the feature (spec: shown in detail panels), as text. */
  extra: { key: string; value: string }[];
  /** Open live alerts in the subject (its cell and every cell below it), most urgent first. */
  alerts: (StatusAlert & { cellName: string })[];
  /** Whether a live feed is laid over the pack (else alerts are unknown, not absent). */
  live: boolean;
  /** Grid findings (gap, overlap, outside parent) naming this cell; null until the check has run. */
  gridFindings: { kind: FindingKind; areaM2: number; ids: string[] }[] | null;
  /** Deliberation meetings concerning the subject, newest first; null when the pack records none. */
  meetings: CellMeeting[] | null;
}

const DAY = 86_400_000;
const KNOWN_CELL_PROPS = new Set([
  'id',
  'level',
  'parent',
  'name',
  'code',
  'leader',
  'town',
  'population',
  'households',
  'partyMembers',
]);
const SEVERITY_RANK: Record<StatusAlert['severity'], number> = { critical: 0, warning: 1, info: 2 };
const STATUS_ORDER: Record<ProjectStatus, number> = {
  delayed: 0,
  suspended: 1,
  active: 2,
  planned: 3,
  done: 4,
};

const dayStart = (day: string) => Date.parse(`${day}T00:00:00+08:00`);

function figure(r: { sum: number; known: number }, leaves: number, isLeaf: boolean): Figure {
  if (r.known === 0) return { value: null };
  if (isLeaf) return { value: r.sum };
  return { value: r.sum, from: leaves, ...(r.known < leaves ? { known: r.known } : {}) };
}

function mergePartnerLinks(lists: (readonly PartnerLink[] | undefined)[]): PartnerLink[] {
  const byId = new Map<string, PartnerLink>();
  for (const list of lists) {
    for (const l of list ?? []) {
      const prev = byId.get(l.partnerId);
      byId.set(
        l.partnerId,
        prev
          ? {
              partnerId: l.partnerId,
              paired: prev.paired || l.paired,
              inside: prev.inside || l.inside,
              via: [...new Set([...prev.via, ...l.via])],
            }
          : { ...l, via: [...l.via] },
      );
    }
  }
  return [...byId.values()];
}

/** Everything the cell panel shows, as plain data: computed here, tested in node, rendered by React. */
export function buildPanelModel(
  pack: RegionPack,
  index: PackIndex,
  focus: Focus,
  window: DayWindow,
  lang: Lang,
  live: LiveStatus | null = null,
  findings: readonly Finding[] | null = null,
): PanelModel | null {
  const { grid } = pack;
  const levelName = (level: string | undefined) => {
    const def = pack.manifest.levels.find((l) => l.id === level);
    return def ? pickName(def.name, lang) : (level ?? '');
  };
  const leafLevel = grid.levels[grid.levels.length - 1];
  const townName = (id: string | undefined) =>
    pack.admin.find((a) => a.properties.id === id)?.properties.name;

  let base: Pick<PanelModel, 'kind' | 'id' | 'name' | 'levelName' | 'code' | 'townName' | 'leader' | 'extra'>;
  let leafIds: readonly string[];
  let childIds: readonly string[];
  let childLevel: string | undefined;
  let partnerLinks: PartnerLink[];
  let projectIds: string[];
  let isLeaf = false;
  let below: { levelName: string; count: number }[];

  if (focus.kind === 'town') {
    const town = index.towns.get(focus.id);
    const admin = pack.admin.find((a) => a.properties.id === focus.id);
    if (!town || !admin) return null;
    base = {
      kind: 'town',
      id: focus.id,
      name: admin.properties.name,
      levelName: 'town',
      code: admin.properties.code,
      extra: [],
    };
    leafIds = town.leafIds;
    childIds = town.topIds;
    childLevel = grid.levels[0];
    partnerLinks = mergePartnerLinks(town.topIds.map((id) => index.links.partners.get(id)));
    projectIds = [...new Set(town.topIds.flatMap((id) => index.links.projects.get(id) ?? []))];
    below = grid.levels.map((level, depth) => ({
      levelName: levelName(level),
      count:
        depth === 0
          ? town.topIds.length
          : town.topIds.reduce((n, id) => n + (index.rollups.get(id)?.descendantsByDepth[depth] ?? 0), 0),
    }));
  } else {
    const cell = grid.byId.get(focus.id);
    const rollup = index.rollups.get(focus.id);
    if (!cell || !rollup) return null;
    const p = cell.properties;
    const depth = grid.depthOf.get(p.level) ?? 0;
    base = {
      kind: 'cell',
      id: p.id,
      name: p.name,
      levelName: levelName(p.level),
      code: p.code,
      townName: townName(p.town),
      leader: p.leader,
      extra: Object.entries(p)
        .filter(([k, v]) => !KNOWN_CELL_PROPS.has(k) && v !== null && v !== undefined)
        .map(([key, v]) => ({ key, value: typeof v === 'object' ? JSON.stringify(v) : String(v) })),
    };
    leafIds = rollup.leafIds;
    childIds = grid.children.get(p.id) ?? [];
    childLevel = grid.levels[depth + 1];
    isLeaf = childIds.length === 0;
    partnerLinks = [...(index.links.partners.get(p.id) ?? [])];
    projectIds = [...(index.links.projects.get(p.id) ?? [])];
    below = grid.levels
      .map((level, d) => ({ levelName: levelName(level), count: rollup.descendantsByDepth[d] ?? 0, d }))
      .filter((x) => x.d > depth)
      .map(({ levelName: l, count }) => ({ levelName: l, count }));
  }

  const sums = rollupLeaves(grid, leafIds);
  const committees = new Map(pack.manifest.committees.map((c) => [c.id, pickName(c.name, lang)]));
  const domains = new Map(pack.manifest.domains.map((d) => [d.id, pickName(d.name, lang)]));
  const partnersById = new Map(pack.partners.map((p) => [p.properties.id, p.properties]));
  // The feed's status and progress win over the pack's (mergeStatus keeps pack order and ids).
  const projectsById = new Map((live?.projects ?? pack.projects).map((p) => [p.properties.id, p.properties]));
  const subjectId = focus.id;
  const inSubject = (cellId: string) =>
    focus.kind === 'town'
      ? ancestry(grid, cellId).some((c) => c.properties.town === subjectId)
      : ancestry(grid, cellId).some((c) => c.properties.id === subjectId);
  const alerts = [...(live?.openAlertsByCell ?? new Map<string, readonly StatusAlert[]>())]
    .filter(([cellId]) => inSubject(cellId))
    .flatMap(([cellId, list]) =>
      list.map((a) => ({ ...a, cellName: grid.byId.get(cellId)?.properties.name ?? cellId })),
    )
    .sort(
      (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.openedAt.localeCompare(b.openedAt),
    );
  const from = dayStart(window.from);
  const to = dayStart(window.to) + DAY;
  const activity = summariseActivity(index.activity, leafIds, from, to);

  return {
    ...base,
    people: {
      population: figure(sums.population, leafIds.length, isLeaf),
      households: figure(sums.households, leafIds.length, isLeaf),
      partyMembers: figure(sums.partyMembers, leafIds.length, isLeaf),
    },
    leafLevelName: levelName(leafLevel),
    children: childIds.map((id) => {
      const r = index.rollups.get(id);
      const c = grid.byId.get(id)?.properties;
      return { id, name: c?.name ?? id, population: r && r.population.known > 0 ? r.population.sum : null };
    }),
    childLevelName: childLevel ? levelName(childLevel) : null,
    below,
    partners: partnerLinks
      .flatMap((l) => {
        const p = partnersById.get(l.partnerId);
        return p
          ? [
              {
                id: p.id,
                name: p.name,
                kind: p.kind,
                committee: p.committee ? (committees.get(p.committee) ?? p.committee) : null,
                paired: l.paired,
                inside: l.inside,
                via: l.via,
              },
            ]
          : [];
      })
      .sort((a, b) => Number(b.paired) - Number(a.paired) || a.name.localeCompare(b.name, 'zh-CN')),
    projects: projectIds
      .flatMap((id) => {
        const p = projectsById.get(id);
        return p
          ? [
              {
                id,
                name: p.name,
                status: p.status,
                progress: p.progress,
                due: p.due ?? null,
                domain: domains.get(p.domain) ?? p.domain,
              },
            ]
          : [];
      })
      .sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.due ?? '9999').localeCompare(b.due ?? '9999'),
      ),
    window,
    activity,
    daysSinceLast:
      activity.lastEventBeforeEnd === null ? null : Math.floor((to - activity.lastEventBeforeEnd) / DAY),
    alerts,
    live: live?.generatedAt != null,
    gridFindings:
      findings === null
        ? null
        : findings
            .filter((f) => GRID_FINDING_KINDS.includes(f.kind) && f.ids.includes(focus.id))
            .map((f) => ({ kind: f.kind, areaM2: f.areaM2, ids: f.ids })),
    meetings: pack.programme.meetings.length > 0 ? meetingsFor(pack, focus, lang) : null,
  };
}
