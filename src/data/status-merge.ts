import type { Point } from 'geojson';
import type { ActivityProps } from './feature-schemas.ts';
import type { TypedFeature } from './parse-layer.ts';
import type { RegionPack } from './region-pack.ts';
import { describeValue, type StatusIssue } from './status-errors.ts';
import type {
  ActivityEvent,
  AlertSeverity,
  OnDutyCounts,
  ResponseLevel,
  StatusAlert,
  StatusFeed,
} from './status-schema.ts';

export type ActivityFeature = TypedFeature<Point, ActivityProps>;
export type ProjectFeature = RegionPack['projects'][number];

/** The pack with the live feed laid over it: what the map and panels show while the feed runs. */
export interface LiveStatus {
  /** The feed's generation time, or null without a feed. */
  generatedAt: string | null;
  responseLevel: ResponseLevel | null;
  /** The feed's `responseLevelSince` and `responseNote`, when it sends them (null otherwise). */
  responseLevelSince: string | null;
  responseNote: string | null;
  /** The pack's projects in pack order; the feed's status/progress win where it carries them. */
  projects: ProjectFeature[];
  /** Ids of projects whose status or progress the feed changed from the pack's values. */
  changedProjects: ReadonlySet<string>;
  /** The feed's alerts (open and recently closed) whose cell exists, in feed order. */
  alerts: StatusAlert[];
  /** Open alerts (no closedAt) per cell id: most severe first, then oldest first. */
  openAlertsByCell: ReadonlyMap<string, readonly StatusAlert[]>;
  /** On-duty counts per unit (a town or cell id) and their sum; null without a feed. */
  onDuty: { byUnit: ReadonlyMap<string, OnDutyCounts>; total: OnDutyCounts } | null;
  /** Pack events ∪ feed events, one per id (the feed's version wins); pack order, then the feed's. */
  activity: ActivityFeature[];
  /** The feed's events alone, as features, for a ticker. */
  liveActivity: ActivityFeature[];
  /** Feed items left out because they name an id the pack does not have (docs/status-feed.md). */
  dropped: StatusIssue[];
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };

const byUrgency = (a: StatusAlert, b: StatusAlert): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || Date.parse(a.openedAt) - Date.parse(b.openedAt);

const ZERO: OnDutyCounts = { staff: 0, volunteers: 0, commandoTeams: 0, tempPartyOrgs: 0 };

/** Activity ids per pack, built once: a year of events is tens of thousands of ids. */
const packActivityIds = new WeakMap<RegionPack, ReadonlySet<string>>();
function activityIds(pack: RegionPack): ReadonlySet<string> {
  let ids = packActivityIds.get(pack);
  if (!ids) {
    ids = new Set(pack.activity.map((f) => f.properties.id));
    packActivityIds.set(pack, ids);
  }
  return ids;
}

function eventFeature({ lon, lat, ...properties }: ActivityEvent): ActivityFeature {
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties };
}

const drop = (path: string, rule: string, message: string, value: string): StatusIssue => ({
  rule,
  path,
  message,
  value: describeValue(value),
});

/**
 * Pure: lays `feed` over `pack`. Items naming an id the pack does not have (a project, a cell, a unit)
 * are dropped and reported in `dropped`, not fatal: a live backend may know a cell before the pack is
 * republished, and one such alert must not blank all live data. `feed` null gives the pack's own view.
 */
export function mergeStatus(pack: RegionPack, feed: StatusFeed | null | undefined): LiveStatus {
  if (!feed) {
    return {
      generatedAt: null,
      responseLevel: null,
      responseLevelSince: null,
      responseNote: null,
      projects: pack.projects,
      changedProjects: new Set(),
      alerts: [],
      openAlertsByCell: new Map(),
      onDuty: null,
      activity: pack.activity,
      liveActivity: [],
      dropped: [],
    };
  }
  const dropped: StatusIssue[] = [];
  const cells = pack.grid.byId;

  const updates = new Map(feed.projects.map((p) => [p.id, p] as const));
  const projectIds = new Set(pack.projects.map((p) => p.properties.id));
  feed.projects.forEach((p, i) => {
    if (!projectIds.has(p.id))
      dropped.push(drop(`projects.${i}.id`, 'ref-project', 'no project of the pack has this id', p.id));
  });
  const changedProjects = new Set<string>();
  const projects = pack.projects.map((project) => {
    const update = updates.get(project.properties.id);
    if (!update) return project;
    const properties = { ...project.properties };
    if (update.status !== undefined) properties.status = update.status;
    if (update.progress !== undefined) properties.progress = update.progress;
    if (
      properties.status !== project.properties.status ||
      properties.progress !== project.properties.progress
    )
      changedProjects.add(properties.id);
    return { ...project, properties };
  });

  const alerts: StatusAlert[] = [];
  const openAlertsByCell = new Map<string, StatusAlert[]>();
  feed.alerts.forEach((a, i) => {
    if (!cells.has(a.cell)) {
      dropped.push(drop(`alerts.${i}.cell`, 'ref-cell', 'no cell of the pack has this id', a.cell));
      return;
    }
    alerts.push(a);
    if (a.closedAt !== undefined) return;
    const list = openAlertsByCell.get(a.cell);
    if (list) list.push(a);
    else openAlertsByCell.set(a.cell, [a]);
  });
  for (const list of openAlertsByCell.values()) list.sort(byUrgency);

  const units = new Set(pack.admin.map((a) => a.properties.id));
  const byUnit = new Map<string, OnDutyCounts>();
  const total = { ...ZERO };
  feed.onDuty.forEach(({ unit, ...counts }, i) => {
    if (!units.has(unit) && !cells.has(unit)) {
      dropped.push(drop(`onDuty.${i}.unit`, 'ref-unit', 'no town or cell of the pack has this id', unit));
      return;
    }
    byUnit.set(unit, counts);
    total.staff += counts.staff;
    total.volunteers += counts.volunteers;
    total.commandoTeams += counts.commandoTeams;
    total.tempPartyOrgs += counts.tempPartyOrgs;
  });

  const liveActivity: ActivityFeature[] = [];
  feed.activity.forEach((e, i) => {
    if (e.cell !== undefined && !cells.has(e.cell)) {
      dropped.push(drop(`activity.${i}.cell`, 'ref-cell', 'no cell of the pack has this id', e.cell));
      return;
    }
    liveActivity.push(eventFeature(e));
  });
  const packIds = activityIds(pack);
  const overridden = new Set(liveActivity.map((f) => f.properties.id).filter((id) => packIds.has(id)));
  const kept =
    overridden.size === 0 ? pack.activity : pack.activity.filter((f) => !overridden.has(f.properties.id));

  return {
    generatedAt: feed.generatedAt,
    responseLevel: feed.responseLevel,
    responseLevelSince: feed.responseLevelSince ?? null,
    responseNote: feed.responseNote ?? null,
    projects,
    changedProjects,
    alerts,
    openAlertsByCell,
    onDuty: { byUnit, total },
    activity: [...kept, ...liveActivity],
    liveActivity,
    dropped,
  };
}
