import type { BBox, Feature, FeatureCollection, Point, Position } from 'geojson';
import polylabel from 'polylabel';
import type { PartnerKind, ProjectStatus } from '../data/feature-schemas.ts';
import type { ProjectGeometry, RegionPack } from '../data/region-pack.ts';
import { type LabelProps, mainPolygon } from './grid-derived.ts';
import { NO_COMMITTEE } from './overlay-style.ts';

/**
 * What the overlays draw, derived once per pack: slim point, line and area features with only the
 * properties the style reads (MapLibre stringifies arrays and objects, so `cells` stays out).
 */

export interface PartnerMapProps {
  id: string;
  name: string;
  nameEn?: string;
  kind: PartnerKind;
  /** A committee id from the manifest, or NO_COMMITTEE. */
  committee: string;
}

export interface ProjectMapProps {
  id: string;
  name: string;
  nameEn?: string;
  status: ProjectStatus;
  domain: string;
  progress: number;
}

export interface ServiceMapProps {
  id: string;
  name: string;
  kind: string;
}

export interface OverlayData {
  partners: FeatureCollection<Point, PartnerMapProps>;
  projects: FeatureCollection<ProjectGeometry, ProjectMapProps>;
  /** One name point per point or area project (lines are named along the line). */
  projectLabels: FeatureCollection<Point, ProjectMapProps>;
  services: FeatureCollection<Point, ServiceMapProps>;
  /** The cells each partner is paired with (结对), without repeats, in the pack's order. */
  partnerCells: ReadonlyMap<string, readonly string[]>;
  /** A point inside every cell (its label point): where a partner's pairing lines end. */
  cellPoints: ReadonlyMap<string, Position>;
  /** Committee and domain ids in manifest order (their colours follow this order). */
  committees: string[];
  domains: string[];
  /** Service kinds present, sorted (their colours follow this order). */
  serviceKinds: string[];
}

const english = (props: Record<string, unknown>) =>
  typeof props.nameEn === 'string' && props.nameEn !== '' ? { nameEn: props.nameEn } : {};

/**
 * Where a point or area project is named once: a point itself; the point of a multi-point project
 * nearest the middle of its points (a charging build-out has dozens); inside an area, its pole of
 * inaccessibility. Null for lines.
 */
export function projectLabelPoint(g: ProjectGeometry): Position | null {
  switch (g.type) {
    case 'Point':
      return g.coordinates;
    case 'MultiPoint': {
      const n = g.coordinates.length || 1;
      const mx = g.coordinates.reduce((s, p) => s + (p[0] ?? 0), 0) / n;
      const my = g.coordinates.reduce((s, p) => s + (p[1] ?? 0), 0) / n;
      const d = (p: Position) => ((p[0] ?? 0) - mx) ** 2 + ((p[1] ?? 0) - my) ** 2;
      return g.coordinates.reduce<Position | null>(
        (best, p) => (best === null || d(p) < d(best) ? p : best),
        null,
      );
    }
    case 'Polygon':
    case 'MultiPolygon':
      return [...polylabel(mainPolygon(g) as [number, number][][], 0.00002)];
    default:
      return null;
  }
}

export function deriveOverlayData(
  pack: RegionPack,
  labels: FeatureCollection<Point, LabelProps>,
): OverlayData {
  const cellPoints = new Map<string, Position>();
  for (const f of labels.features) {
    if (f.properties.kind !== 'admin') cellPoints.set(f.properties.id, f.geometry.coordinates);
  }
  const projectProps = (f: RegionPack['projects'][number]): ProjectMapProps => ({
    id: f.properties.id,
    name: f.properties.name,
    status: f.properties.status,
    domain: f.properties.domain,
    progress: f.properties.progress,
    ...english(f.properties),
  });
  const projectLabels: Feature<Point, ProjectMapProps>[] = pack.projects.flatMap((f) => {
    const at = projectLabelPoint(f.geometry);
    return at
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: at }, properties: projectProps(f) }]
      : [];
  });
  return {
    partners: {
      type: 'FeatureCollection',
      features: pack.partners.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          id: f.properties.id,
          name: f.properties.name,
          kind: f.properties.kind,
          committee: f.properties.committee ?? NO_COMMITTEE,
          ...english(f.properties),
        },
      })),
    },
    projects: {
      type: 'FeatureCollection',
      features: pack.projects.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: projectProps(f),
      })),
    },
    projectLabels: { type: 'FeatureCollection', features: projectLabels },
    services: {
      type: 'FeatureCollection',
      features: pack.services.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { id: f.properties.id, name: f.properties.name, kind: f.properties.kind },
      })),
    },
    partnerCells: new Map(
      pack.partners.map((f) => [f.properties.id, [...new Set(f.properties.cells ?? [])]]),
    ),
    cellPoints,
    committees: pack.manifest.committees.map((c) => c.id),
    domains: pack.manifest.domains.map((d) => d.id),
    serviceKinds: [...new Set(pack.services.map((s) => s.properties.kind))].sort(),
  };
}

/** Box around a set of positions (a partner and the cells it is paired with), or null when empty. */
export function boxOf(points: readonly Position[]): BBox | null {
  if (points.length === 0) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of points) {
    w = Math.min(w, x);
    s = Math.min(s, y);
    e = Math.max(e, x);
    n = Math.max(n, y);
  }
  return [w, s, e, n];
}
