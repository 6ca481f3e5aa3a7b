import Flatbush from 'flatbush';
import type { BBox, Polygon } from 'geojson';
import { type AreaGeometry, geometryBBox } from '../data/grid-index.ts';
import { cutToBox } from './box-clip.ts';
import { areaM2, type ClipOps, polygonsOf } from './clip.ts';
import type { Finding } from './finding.ts';
import { fmtM2 } from './format.ts';
import { bordersPolygon } from './nearness.ts';
import { type Box, boxesOverlap } from './planar.ts';

/** One parent and the cells that should tile it: a cell and its children, or the boundary and the top level. */
export interface Group {
  parentId: string | null;
  /** `"A12"` or `the boundary`, for messages. */
  parentLabel: string;
  parent: AreaGeometry;
  parentBox: BBox;
  parentTown?: string;
  /** Level of the children. */
  level: string;
  children: GroupChild[];
}

export interface GroupChild {
  id: string;
  geometry: AreaGeometry;
  bbox: BBox;
  town?: string;
}

export interface GroupCheckContext {
  clip: ClipOps;
  /** Is this piece a real finding, not a rounding sliver? */
  significant(piece: Polygon, areaM2: number): boolean;
}

export interface GroupOutcome {
  findings: Finding[];
  gapM2: number;
  overlapM2: number;
  outsideM2: number;
  /** A clipping operation failed: the numbers above may be incomplete. */
  failed: boolean;
}

const withTown = (town: string | undefined) => (town !== undefined ? { town } : {});

/**
 * Finds the gaps, overlaps and pieces outside the parent of one group by clipping, but only inside
 * `windows` (from edge-chain.ts; everything else is known to tile exactly) — or everywhere when
 * `windows` is null. Each failing operation becomes a `geometry-unprocessable` finding naming its
 * cells, and the rest of the group is still checked.
 */
export function checkGroup(
  group: Group,
  windows: readonly Box[] | null,
  ctx: GroupCheckContext,
): GroupOutcome {
  const { parentId, parentLabel, parent, level, children } = group;
  const { clip, significant } = ctx;
  const outside: Finding[] = [];
  const overlaps: Finding[] = [];
  const gaps: Finding[] = [];
  const unprocessable: Finding[] = [];
  const out: GroupOutcome = { findings: [], gapM2: 0, overlapM2: 0, outsideM2: 0, failed: false };
  const fail = (ids: string[], what: string, error: string) => {
    out.failed = true;
    // The same operation can fail in several windows of one parent: report it once.
    const message = `could not ${what} (${error}); this check was skipped for these cells`;
    if (unprocessable.some((f) => f.message === message && f.ids.join() === ids.join())) return;
    unprocessable.push({
      kind: 'geometry-unprocessable',
      severity: 'high',
      level,
      ids,
      areaM2: 0,
      message,
    });
  };

  for (const window of windows ?? [null]) {
    // Inside a window every operation works on the geometries cut to it (box-clip.ts): a piece found
    // there is the part of the problem in that window, and windows do not overlap, so nothing is
    // counted twice and polyclip only ever sees the few edges near the problem.
    const cut = (g: AreaGeometry, box: BBox) => (window ? cutToBox(g, box, window) : g);
    const target = cut(parent, group.parentBox);
    const members = children.flatMap((c): Member[] => {
      if (window && !boxesOverlap(c.bbox, window)) return [];
      const geometry = cut(c.geometry, c.bbox);
      return geometry ? [{ child: c, geometry }] : [];
    });

    // 1. Children inside the parent.
    for (const { child, geometry } of members) {
      const r = target ? clip.difference(geometry, [target]) : { ok: true as const, geometry };
      if (!r.ok) {
        fail(
          [child.id, ...(parentId ? [parentId] : [])],
          `measure where ${child.id} leaves ${parentLabel}`,
          r.error,
        );
        continue;
      }
      for (const piece of polygonsOf(r.geometry)) {
        const a = areaM2(piece);
        if (!significant(piece, a)) continue;
        out.outsideM2 += a;
        outside.push({
          kind: 'outside-parent',
          severity: 'high',
          level,
          ids: parentId ? [child.id, parentId] : [child.id],
          ...withTown(child.town),
          geometry: piece,
          areaM2: a,
          message: `${fmtM2(a)} of this ${level} cell lies outside ${parentLabel}`,
        });
      }
    }

    // 2. Siblings do not overlap: a spatial index so that only neighbours are clipped.
    for (const [ma, mb] of neighbourPairs(members.map((m) => m.child.bbox))) {
      const a = members[ma] as Member;
      const b = members[mb] as Member;
      const r = clip.intersect(a.geometry, b.geometry);
      if (!r.ok) {
        fail([a.child.id, b.child.id], `intersect siblings ${a.child.id} and ${b.child.id}`, r.error);
        continue;
      }
      for (const piece of polygonsOf(r.geometry)) {
        const area = areaM2(piece);
        if (!significant(piece, area)) continue;
        out.overlapM2 += area;
        overlaps.push({
          kind: 'overlap',
          severity: 'high',
          level,
          ids: [a.child.id, b.child.id],
          ...withTown(a.child.town),
          geometry: piece,
          areaM2: area,
          message: `overlaps its sibling ${b.child.id} by ${fmtM2(area)}`,
        });
      }
    }

    // 3. Children cover the parent (the top level covers the boundary), here inside the window.
    const memberIds = members.map((m) => m.child.id);
    if (!target) continue;
    const gap = clip.difference(
      target,
      members.map((m) => m.geometry),
    );
    if (!gap.ok) {
      fail(parentId ? [parentId] : memberIds, `draw the uncovered part of ${parentLabel}`, gap.error);
      continue;
    }
    for (const piece of polygonsOf(gap.geometry)) {
      const area = areaM2(piece);
      if (!significant(piece, area)) continue;
      const around = members.map((m) => m.child).filter((c) => bordersPiece(c.geometry, c.bbox, piece));
      const aroundIds = around.map((c) => c.id);
      out.gapM2 += area;
      const town = parentId ? group.parentTown : around[0]?.town;
      gaps.push({
        kind: parentId ? 'gap' : 'gap-boundary',
        severity: 'high',
        level,
        ids: parentId ? [parentId, ...aroundIds] : aroundIds,
        ...withTown(town),
        geometry: piece,
        areaM2: area,
        message: `${fmtM2(area)} of ${parentLabel} is in no ${level} cell${aroundIds.length ? ` (next to ${aroundIds.join(', ')})` : ''}`,
      });
    }
  }
  out.findings = [...outside, ...overlaps, ...gaps, ...unprocessable];
  return out;
}

interface Member {
  child: GroupChild;
  geometry: AreaGeometry;
}

/** Index pairs (i < j) of boxes that overlap, in order. */
function neighbourPairs(boxes: readonly BBox[]): [number, number][] {
  const pairs: [number, number][] = [];
  if (boxes.length < 2) return pairs;
  const index = new Flatbush(boxes.length);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  boxes.forEach((b, i) => {
    for (const j of index.search(b[0], b[1], b[2], b[3])) if (j > i) pairs.push([i, j]);
  });
  return pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

function bordersPiece(child: AreaGeometry, bbox: BBox, piece: Polygon): boolean {
  return boxesOverlap(bbox, geometryBBox(piece)) && bordersPolygon(child, piece);
}
