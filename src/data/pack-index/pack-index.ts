import type { BBox } from 'geojson';
import { geometryBBox, unionBBox } from '../grid-index.ts';
import type { RegionPack } from '../region-pack.ts';
import { type ActivityIndex, buildActivityIndex } from './activity-index.ts';
import { type ActivityTimeline, buildActivityTimeline } from './activity-timeline.ts';
import { buildCellLinks, type CellLinks } from './cell-links.ts';
import { LeafLocator } from './leaf-locator.ts';
import { buildRollups, type CellRollup } from './rollups.ts';
import { buildSearchIndex, type SearchEntry } from './search.ts';

export interface TownIndex {
  /** Leaf cells in the town (a cell's `town`, else its nearest ancestor's). */
  leafIds: string[];
  /** Top-level cells in the town: what a drill-down from the town offers. */
  topIds: string[];
  bbox: BBox;
}

/** Everything derived from a pack for drill-down, search and panels; built once per pack. */
export interface PackIndex {
  rollups: ReadonlyMap<string, CellRollup>;
  links: CellLinks;
  activity: ActivityIndex;
  /** Activity per day and kind (null when the pack has none): the time bar and the activity legend. */
  activityTimeline: ActivityTimeline | null;
  search: SearchEntry[];
  towns: ReadonlyMap<string, TownIndex>;
  locator: LeafLocator;
}

function buildTowns(pack: RegionPack): Map<string, TownIndex> {
  const { grid } = pack;
  const towns = new Map<string, TownIndex>();
  for (const a of pack.admin) {
    towns.set(a.properties.id, { leafIds: [], topIds: [], bbox: geometryBBox(a.geometry) });
  }
  const townOf = new Map<string, string | undefined>();
  grid.levels.forEach((_, depth) => {
    for (const id of grid.byDepth[depth] ?? []) {
      const props = grid.byId.get(id)?.properties;
      const town = props?.town ?? (props?.parent ? townOf.get(props.parent) : undefined);
      townOf.set(id, town);
      const entry = town ? towns.get(town) : undefined;
      if (!entry) continue;
      if (depth === 0) entry.topIds.push(id);
      if (depth === grid.levels.length - 1) entry.leafIds.push(id);
    }
  });
  // A town without an admin shape of its own still gets a box from its cells.
  for (const entry of towns.values()) {
    if (!Number.isFinite(entry.bbox[0]) && entry.leafIds.length > 0) {
      entry.bbox = unionBBox(entry.leafIds.map((id) => grid.bbox.get(id) ?? [0, 0, 0, 0]));
    }
  }
  return towns;
}

const cache = new WeakMap<RegionPack, PackIndex>();

export function packIndex(pack: RegionPack): PackIndex {
  const hit = cache.get(pack);
  if (hit) return hit;
  const locator = new LeafLocator(pack.grid);
  const index: PackIndex = {
    rollups: buildRollups(pack.grid),
    links: buildCellLinks(pack, locator),
    activity: buildActivityIndex(pack, locator),
    activityTimeline: buildActivityTimeline(pack),
    search: buildSearchIndex(pack),
    towns: buildTowns(pack),
    locator,
  };
  cache.set(pack, index);
  return index;
}
