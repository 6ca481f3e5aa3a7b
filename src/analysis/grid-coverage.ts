import Flatbush from 'flatbush';
import type { BBox, Polygon } from 'geojson';
import { type AreaGeometry, geometryBBox } from '../data/grid-index.ts';
import type { Problem } from '../data/problem.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { areaM2, clipDifference, clipIntersect, polygonsOf } from './clip.ts';
import { bordersPolygon, meanWidthM } from './nearness.ts';

export interface CoverageOptions {
  /**
   * Pieces smaller than this are not reported. Coordinates rounded to 6 decimals (≈ 0.1 m) leave
   * slivers of a few m² along shared edges; 100 m² keeps those out and any real gap in.
   */
  minAreaM2: number;
  /**
   * Pieces thinner than this on average (2·area / perimeter) are not reported either: a 1 km shared
   * edge whose rounded vertices drift by 0.1 m leaves a 100 m² strip that is noise, not a gap.
   */
  minWidthM: number;
}

export const DEFAULT_COVERAGE_OPTIONS: CoverageOptions = { minAreaM2: 100, minWidthM: 0.5 };

/** One parent and the cells that should tile it: a cell and its children, or the boundary and the top level. */
interface Group {
  parentId: string | null;
  parentLabel: string;
  parent: AreaGeometry;
  level: string;
  childIds: readonly string[];
}

const fmt = (m2: number) => `${Math.round(m2).toLocaleString('en-US')} m²`;

function boundaryGeometry(pack: RegionPack): AreaGeometry {
  const polys = pack.boundary.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0] ?? [] }
    : { type: 'MultiPolygon', coordinates: polys };
}

function groupsOf(pack: RegionPack): Group[] {
  const { grid } = pack;
  const top = grid.levels[0] ?? '';
  const groups: Group[] = [
    {
      parentId: null,
      parentLabel: 'the boundary',
      parent: boundaryGeometry(pack),
      level: top,
      childIds: grid.byDepth[0] ?? [],
    },
  ];
  for (let depth = 0; depth < grid.levels.length - 1; depth++) {
    for (const id of grid.byDepth[depth] ?? []) {
      const cell = grid.byId.get(id);
      if (!cell) continue;
      groups.push({
        parentId: id,
        parentLabel: `"${id}"`,
        parent: cell.geometry,
        level: grid.levels[depth + 1] ?? '',
        childIds: grid.children.get(id) ?? [],
      });
    }
  }
  return groups;
}

function overlapsBBox(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/**
 * Checks that each level tiles its parent: children inside their parent, siblings not overlapping,
 * children covering their parent, the top level covering the boundary.
 *
 * Why not union everything and subtract: a global turf.union over thousands of cells takes minutes and
 * often throws on Voronoi-like grids (turf #2092, #2409). Because the grid is a hierarchy, each parent
 * is checked against its own few children, and exact area bookkeeping decides whether clipping is needed
 * at all: uncovered = area(parent) − Σ area(child ∩ parent) + Σ pairwise overlap. Only a parent whose
 * bookkeeping shows a gap gets the (costlier, fallible) difference that draws the gap.
 */
export function analyseGridCoverage(
  pack: RegionPack,
  options: CoverageOptions = DEFAULT_COVERAGE_OPTIONS,
): Problem[] {
  const file = pack.files.grids;
  const { grid } = pack;
  const { minAreaM2, minWidthM } = options;
  const significant = (piece: Polygon, area: number) =>
    area >= minAreaM2 && meanWidthM(piece, area) >= minWidthM;
  const findings: Problem[] = [];
  const unprocessable = (ids: string[], what: string, error: string) =>
    findings.push({
      severity: 'finding',
      file,
      featureId: ids[0],
      rule: 'geometry-unprocessable',
      ids,
      message: `could not ${what} (${error}); this check was skipped for these cells`,
    });

  for (const group of groupsOf(pack)) {
    const { parentId, parent, level, childIds } = group;
    const parentArea = areaM2(parent);
    const children = childIds.flatMap((id) => {
      const cell = grid.byId.get(id);
      return cell
        ? [{ id, geometry: cell.geometry, bbox: grid.bbox.get(id) ?? geometryBBox(cell.geometry) }]
        : [];
    });
    let coveredSum = 0;
    let bookkeepingReliable = true;

    // 1. Children inside the parent.
    for (const child of children) {
      const inside = clipIntersect(child.geometry, parent);
      if (!inside.ok) {
        unprocessable(
          [child.id, ...(parentId ? [parentId] : [])],
          `intersect ${child.id} with ${group.parentLabel}`,
          inside.error,
        );
        bookkeepingReliable = false;
        continue;
      }
      const insideArea = areaM2(inside.geometry);
      coveredSum += insideArea;
      if (areaM2(child.geometry) - insideArea < minAreaM2) continue;
      const outside = clipDifference(child.geometry, [parent]);
      if (!outside.ok) {
        unprocessable([child.id], `measure where ${child.id} leaves ${group.parentLabel}`, outside.error);
        continue;
      }
      for (const piece of polygonsOf(outside.geometry)) {
        const a = areaM2(piece);
        if (!significant(piece, a)) continue;
        findings.push({
          severity: 'finding',
          file,
          featureId: child.id,
          rule: 'outside-parent',
          level,
          ids: parentId ? [child.id, parentId] : [child.id],
          areaM2: a,
          geometry: piece,
          message: `${fmt(a)} of this ${level} cell lies outside ${group.parentLabel}`,
        });
      }
    }

    // 2. Siblings do not overlap: a spatial index so that only neighbours are clipped.
    let overlapSum = 0;
    if (children.length > 1) {
      const index = new Flatbush(children.length);
      for (const c of children) index.add(c.bbox[0], c.bbox[1], c.bbox[2], c.bbox[3]);
      index.finish();
      children.forEach((a, i) => {
        for (const j of index.search(a.bbox[0], a.bbox[1], a.bbox[2], a.bbox[3])) {
          const b = children[j];
          if (j <= i || !b || !overlapsBBox(a.bbox, b.bbox)) continue;
          const both = clipIntersect(a.geometry, b.geometry);
          if (!both.ok) {
            unprocessable([a.id, b.id], `intersect siblings ${a.id} and ${b.id}`, both.error);
            bookkeepingReliable = false;
            continue;
          }
          const inParent = both.geometry
            ? clipIntersect(both.geometry, parent)
            : { ok: true as const, geometry: null };
          overlapSum += inParent.ok ? areaM2(inParent.geometry) : areaM2(both.geometry);
          for (const piece of polygonsOf(both.geometry)) {
            const area = areaM2(piece);
            if (!significant(piece, area)) continue;
            findings.push({
              severity: 'finding',
              file,
              featureId: a.id,
              rule: 'overlap',
              level,
              ids: [a.id, b.id],
              areaM2: area,
              geometry: piece,
              message: `overlaps its sibling ${b.id} by ${fmt(area)}`,
            });
          }
        }
      });
    }

    // 3. Children cover the parent (the top level covers the boundary).
    const uncovered = parentArea - coveredSum + overlapSum;
    if (bookkeepingReliable && uncovered < minAreaM2) continue;
    const gap = clipDifference(
      parent,
      children.map((c) => c.geometry),
    );
    if (!gap.ok) {
      unprocessable(
        parentId ? [parentId] : childIds.slice(),
        `draw the uncovered part of ${group.parentLabel}`,
        gap.error,
      );
      continue;
    }
    for (const piece of polygonsOf(gap.geometry)) {
      const area = areaM2(piece);
      if (!significant(piece, area)) continue;
      const around = children.filter((c) => bordersPiece(c.geometry, c.bbox, piece)).map((c) => c.id);
      findings.push({
        severity: 'finding',
        file,
        ...(parentId ? { featureId: parentId } : {}),
        rule: parentId ? 'gap' : 'gap-boundary',
        level,
        ids: parentId ? [parentId, ...around] : around,
        areaM2: area,
        geometry: piece,
        message: `${fmt(area)} of ${group.parentLabel} is in no ${level} cell${around.length ? ` (next to ${around.join(', ')})` : ''}`,
      });
    }
  }
  return findings;
}

function bordersPiece(child: AreaGeometry, bbox: BBox, piece: Polygon): boolean {
  return overlapsBBox(bbox, geometryBBox(piece)) && bordersPolygon(child, piece);
}
