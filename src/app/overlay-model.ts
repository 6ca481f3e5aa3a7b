import { booleanPointInPolygon } from '@turf/turf';
import type { BBox, Position } from 'geojson';
import type { PartnerKind, ProjectStatus } from '../data/feature-schemas.ts';
import type { Lang } from '../data/localized.ts';
import { pickName } from '../data/localized.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { ProjectGeometry, RegionPack } from '../data/region-pack.ts';
import { isStringKey, type StringKey } from '../i18n/strings.ts';
import { boxOf } from '../layers/overlay-data.ts';
import {
  NO_COMMITTEE,
  type OverlayFilters,
  type OverlayNames,
  type OverlaySelection,
  projectShown,
} from '../layers/overlay-style.ts';
import { committeeColour } from '../layers/partner-layers.ts';

/**
 * What the partner and project cards and the project list show, from the pack: pure functions, so the
 * order of the list and the links between partners, projects and cells are tested without a browser.
 */

export interface CellRef {
  id: string;
  name: string;
  levelName: string;
}

export interface ProjectRow {
  id: string;
  name: string;
  status: ProjectStatus;
  progress: number;
  domain: string;
  domainName: string;
  due: string | null;
}

export interface PartnerCardModel {
  id: string;
  name: string;
  kind: PartnerKind;
  committee: { id: string; name: string; colour: string };
  pairedCells: CellRef[];
  /** The finest cell the unit stands in (null outside every cell). */
  locatedIn: CellRef | null;
  projects: ProjectRow[];
}

export interface ProjectCardModel extends ProjectRow {
  start: string | null;
  /** The lead unit (the partner whose id is `owner`); the bare text if it names none; null when absent. */
  owner: { partnerId: string; name: string } | { partnerId: null; name: string } | null;
  cells: CellRef[];
  /** Some of its geometry lies outside the district boundary (a cross-boundary project, not an error). */
  beyondDistrict: boolean;
}

export function overlayNames(pack: RegionPack, lang: Lang, t: (key: StringKey) => string): OverlayNames {
  const committees = new Map(pack.manifest.committees.map((c) => [c.id, pickName(c.name, lang)]));
  const domains = new Map(pack.manifest.domains.map((d) => [d.id, pickName(d.name, lang)]));
  return {
    committee: (id) => (id === NO_COMMITTEE ? t('noCommittee') : (committees.get(id) ?? id)),
    domain: (id) => domains.get(id) ?? id,
    // Known kinds have a translation; a pack's own kinds show as written.
    serviceKind: (kind) => {
      const key = `service_${kind}`;
      return isStringKey(key) ? t(key) : kind;
    },
  };
}

function cellRef(pack: RegionPack, id: string, lang: Lang): CellRef | null {
  const cell = pack.grid.byId.get(id);
  if (!cell) return null;
  const level = pack.manifest.levels.find((l) => l.id === cell.properties.level);
  return {
    id,
    name: cell.properties.name,
    levelName: level ? pickName(level.name, lang) : cell.properties.level,
  };
}

const refs = (pack: RegionPack, ids: Iterable<string>, lang: Lang): CellRef[] =>
  [...ids].flatMap((id) => {
    const ref = cellRef(pack, id, lang);
    return ref ? [ref] : [];
  });

function row(p: RegionPack['projects'][number]['properties'], names: OverlayNames): ProjectRow {
  return {
    id: p.id,
    name: p.name,
    status: p.status,
    progress: p.progress,
    domain: p.domain,
    domainName: names.domain(p.domain),
    due: p.due ?? null,
  };
}

/** Delayed projects first (the ones to act on), then every other by due date; no due date last. */
export function compareProjects(a: ProjectRow, b: ProjectRow): number {
  const delayed = Number(b.status === 'delayed') - Number(a.status === 'delayed');
  if (delayed !== 0) return delayed;
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The project list under the current filters, in the order of `compareProjects`. */
export function projectList(pack: RegionPack, filters: OverlayFilters, names: OverlayNames): ProjectRow[] {
  return pack.projects
    .filter((f) => projectShown(f.properties, filters))
    .map((f) => row(f.properties, names))
    .sort(compareProjects);
}

/** A project's `owner` is a partner id (the loader refuses any other value: rule ref-owner). */
const ownedBy = (owner: string | undefined, partner: { id: string }) => owner === partner.id;

export function partnerCard(
  pack: RegionPack,
  index: PackIndex,
  id: string,
  lang: Lang,
  names: OverlayNames,
): PartnerCardModel | null {
  const partner = pack.partners.find((f) => f.properties.id === id);
  if (!partner) return null;
  const p = partner.properties;
  const committee = p.committee ?? NO_COMMITTEE;
  const leaf = index.links.partnerLeaf.get(id) ?? null;
  return {
    id,
    name: p.name,
    kind: p.kind,
    committee: {
      id: committee,
      name: names.committee(committee),
      colour: committeeColour(
        pack.manifest.committees.map((c) => c.id),
        committee,
      ),
    },
    pairedCells: refs(pack, new Set(p.cells ?? []), lang),
    locatedIn: leaf ? cellRef(pack, leaf, lang) : null,
    projects: pack.projects
      .filter((f) => ownedBy(f.properties.owner, p))
      .map((f) => row(f.properties, names))
      .sort(compareProjects),
  };
}

/** The finest cells a project touches: its own `cells`, else those derived from its geometry. */
function projectCells(pack: RegionPack, index: PackIndex, id: string, own: readonly string[] | undefined) {
  if (own) return new Set(own);
  const leafDepth = pack.grid.levels.length - 1;
  const leaves = new Set(pack.grid.byDepth[leafDepth] ?? []);
  const out = new Set<string>();
  for (const [cell, projects] of index.links.projects)
    if (leaves.has(cell) && projects.includes(id)) out.add(cell);
  return out;
}

function positions(g: ProjectGeometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
  }
}

function beyondBoundary(pack: RegionPack, g: ProjectGeometry): boolean {
  if (pack.boundary.length === 0) return false;
  return positions(g).some((p) => !pack.boundary.some((b) => booleanPointInPolygon(p, b.geometry)));
}

export function projectCard(
  pack: RegionPack,
  index: PackIndex,
  id: string,
  lang: Lang,
  names: OverlayNames,
): ProjectCardModel | null {
  const project = pack.projects.find((f) => f.properties.id === id);
  if (!project) return null;
  const p = project.properties;
  const ownerPartner =
    p.owner === undefined ? undefined : pack.partners.find((f) => ownedBy(p.owner, f.properties));
  return {
    ...row(p, names),
    start: p.start ?? null,
    owner: ownerPartner
      ? { partnerId: ownerPartner.properties.id, name: ownerPartner.properties.name }
      : p.owner !== undefined
        ? { partnerId: null, name: p.owner }
        : null,
    cells: refs(pack, projectCells(pack, index, id, p.cells), lang),
    beyondDistrict: beyondBoundary(pack, project.geometry),
  };
}

/** Where to look for a selection: a partner with its paired cells, or a project's geometry. */
export function selectionBox(
  pack: RegionPack,
  cellPoints: ReadonlyMap<string, Position>,
  selection: OverlaySelection,
): BBox | null {
  if (selection.kind === 'partner') {
    const partner = pack.partners.find((f) => f.properties.id === selection.id);
    if (!partner) return null;
    const ends = (partner.properties.cells ?? []).flatMap((c) => {
      const at = cellPoints.get(c);
      return at ? [at] : [];
    });
    return boxOf([partner.geometry.coordinates, ...ends]);
  }
  const project = pack.projects.find((f) => f.properties.id === selection.id);
  return project ? boxOf(positions(project.geometry)) : null;
}
