import { ancestry } from '../data/grid-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { LiveStatus } from '../data/status-merge.ts';
import type { AlertKind, AlertSeverity, OnDutyCounts, ResponseLevel } from '../data/status-schema.ts';

/** The levels at which the wall stops its tour and shows the mobilisation view (急时 / 战时). */
export const isMobilised = (level: ResponseLevel | null): level is 'urgent' | 'emergency' =>
  level === 'urgent' || level === 'emergency';

export interface UnitRow extends OnDutyCounts {
  /** A town id, or a cell id for a cell outside every town. */
  id: string;
  name: string;
  openAlerts: number;
  critical: number;
}

export interface CellAlertRow {
  cell: string;
  name: string;
  townName: string | null;
  count: number;
  /** The most urgent open alert of the cell decides these. */
  severity: AlertSeverity;
  kind: AlertKind;
  text: string | null;
  openedAt: string;
}

export interface MobilisationModel {
  level: 'urgent' | 'emergency';
  /** Since when the level holds: the feed's `responseLevelSince`, else when this screen first saw it. */
  since: string | null;
  /** True when `since` is this screen's own observation (the feed did not say). */
  sinceObserved: boolean;
  note: string | null;
  /** Sum over every unit the feed reports (people on duty now); null when the feed sends none. */
  totals: OnDutyCounts | null;
  openAlerts: number;
  critical: number;
  /** Per street/town (the feed's units), most alerts first. */
  units: UnitRow[];
  /** Cells with open alerts, most urgent first; at most `maxCells`. */
  cells: CellAlertRow[];
  /** Cells with open alerts in all (the list may be cut). */
  cellsTotal: number;
}

const SEVERITY_RANK: Record<AlertSeverity, number> = { critical: 0, warning: 1, info: 2 };
const ZERO: OnDutyCounts = { staff: 0, volunteers: 0, commandoTeams: 0, tempPartyOrgs: 0 };

/** The town of a cell: its own `town`, else its nearest ancestor's. */
function townOfCell(pack: RegionPack, cellId: string): string | null {
  for (const c of ancestry(pack.grid, cellId).reverse()) if (c.properties.town) return c.properties.town;
  return null;
}

/**
 * Pure: what the mobilisation view shows: who is out (commando teams 党员突击队, temporary party
 * organisations 临时党组织, staff sent down 下沉干部, volunteers), where (per town), and which cells
 * have open alerts. Null at the normal level.
 */
export function mobilisationModel(
  pack: RegionPack,
  live: LiveStatus,
  observedSince: string | null,
  maxCells = 12,
): MobilisationModel | null {
  const level = live.responseLevel;
  if (!isMobilised(level)) return null;
  const townNames = new Map(pack.admin.map((a) => [a.properties.id, a.properties.name] as const));
  const cellName = (id: string) => pack.grid.byId.get(id)?.properties.name ?? id;
  const unitName = (id: string) => townNames.get(id) ?? cellName(id);

  const units = new Map<string, UnitRow>();
  const row = (id: string): UnitRow => {
    let r = units.get(id);
    if (!r) {
      r = { id, name: unitName(id), ...ZERO, openAlerts: 0, critical: 0 };
      units.set(id, r);
    }
    return r;
  };
  // A unit that is a cell counts under its town, so the table has one row per town.
  for (const [unit, counts] of live.onDuty?.byUnit ?? []) {
    const r = row(townNames.has(unit) ? unit : (townOfCell(pack, unit) ?? unit));
    r.staff += counts.staff;
    r.volunteers += counts.volunteers;
    r.commandoTeams += counts.commandoTeams;
    r.tempPartyOrgs += counts.tempPartyOrgs;
  }

  let openAlerts = 0;
  let critical = 0;
  const cells: CellAlertRow[] = [];
  for (const [cell, list] of live.openAlertsByCell) {
    const first = list[0];
    if (!first) continue;
    const crit = list.filter((a) => a.severity === 'critical').length;
    openAlerts += list.length;
    critical += crit;
    const town = townOfCell(pack, cell);
    const r = row(town ?? cell);
    r.openAlerts += list.length;
    r.critical += crit;
    cells.push({
      cell,
      name: cellName(cell),
      townName: town ? (townNames.get(town) ?? town) : null,
      count: list.length,
      severity: first.severity,
      kind: first.kind,
      text: first.text ?? null,
      openedAt: first.openedAt,
    });
  }
  cells.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.count - a.count ||
      Date.parse(a.openedAt) - Date.parse(b.openedAt) ||
      a.cell.localeCompare(b.cell),
  );
  const unitRows = [...units.values()].sort(
    (a, b) =>
      b.critical - a.critical ||
      b.openAlerts - a.openAlerts ||
      b.commandoTeams - a.commandoTeams ||
      a.id.localeCompare(b.id),
  );
  return {
    level,
    since: live.responseLevelSince ?? observedSince,
    sinceObserved: live.responseLevelSince === null && observedSince !== null,
    note: live.responseNote,
    totals: live.onDuty ? live.onDuty.total : null,
    openAlerts,
    critical,
    units: unitRows,
    cells: cells.slice(0, maxCells),
    cellsTotal: cells.length,
  };
}
