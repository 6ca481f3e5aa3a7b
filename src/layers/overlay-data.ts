import type { BBox, FeatureCollection, Point, Position } from 'geojson';
import type { PartnerKind, ProjectStatus } from '../data/feature-schemas.ts';
import type { ProjectGeometry, RegionPack } from '../data/region-pack.ts';
import type { LabelProps } from './grid-derived.ts';
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

export function deriveOverlayData(
  pack: RegionPack,
  labels: FeatureCollection<Point, LabelProps>,
): OverlayData {
  const cellPoints = new Map<string, Position>();
  for (const f of labels.features) {
    if (f.properties.kind !== 'admin') cellPoints.set(f.properties.id, f.geometry.coordinates);
  }
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
        properties: {
          id: f.properties.id,
          name: f.properties.name,
          status: f.properties.status,
          domain: f.properties.domain,
          progress: f.properties.progress,
          ...english(f.properties),
        },
      })),
    },
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
