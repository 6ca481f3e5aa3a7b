import type { BBox } from 'geojson';
import { ancestry } from '../data/grid-index.ts';
import { type Lang, pickName } from '../data/localized.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { FocusTarget } from '../layers/focus-style.ts';
import type { Focus } from '../state/url.ts';

export interface Crumb {
  focus: Focus | null;
  label: string;
  /** "district", "town" or the level's name. */
  kind: string;
}

export interface ResolvedFocus {
  /** The focus after checking it against the pack: null when it named nothing. */
  focus: Focus | null;
  target: FocusTarget;
  fitBox: [number, number, number, number];
  crumbs: Crumb[];
  /** Where Escape and "up" go. */
  up: Focus | null;
  /** An id from the URL that the pack does not have. */
  unknownId: string | null;
}

const box = (b: BBox | undefined, fallback: BBox): [number, number, number, number] => {
  const [w, s, e, n] = (b ?? fallback) as [number, number, number, number];
  return [w, s, e, n];
};

/** Town of a cell: its own `town`, else its nearest ancestor's. */
function townOf(pack: RegionPack, cellId: string): string | undefined {
  return ancestry(pack.grid, cellId)
    .reverse()
    .find((c) => c.properties.town)?.properties.town;
}

/**
 * Turns the store's focus into everything the page needs: what the map filters on, what to fit,
 * the breadcrumb (district › town › area › community › micro) and where "up" leads.
 */
export function resolveFocus(
  pack: RegionPack,
  index: PackIndex,
  focus: Focus | null,
  lang: Lang,
): ResolvedFocus {
  const { grid } = pack;
  const district: Crumb = { focus: null, label: pickName(pack.manifest.name, lang), kind: 'district' };
  const levelName = (level: string) => {
    const def = pack.manifest.levels.find((l) => l.id === level);
    return def ? pickName(def.name, lang) : level;
  };
  const leafDepth = grid.levels.length - 1;
  const townCrumb = (townId: string | undefined): Crumb[] => {
    const admin = townId ? pack.admin.find((a) => a.properties.id === townId) : undefined;
    return admin && townId
      ? [{ focus: { kind: 'town', id: townId }, label: admin.properties.name, kind: 'town' }]
      : [];
  };
  const atDistrict = (unknownId: string | null): ResolvedFocus => ({
    focus: null,
    target: null,
    fitBox: box(pack.bbox, pack.bbox),
    crumbs: [district],
    up: null,
    unknownId,
  });

  if (focus === null) return atDistrict(null);
  if (focus.kind === 'town') {
    const town = index.towns.get(focus.id);
    if (!town) return atDistrict(focus.id);
    return {
      focus,
      target: { kind: 'town', id: focus.id, leafDepth },
      fitBox: box(town.bbox, pack.bbox),
      crumbs: [district, ...townCrumb(focus.id)],
      up: null,
      unknownId: null,
    };
  }
  const cell = grid.byId.get(focus.id);
  if (!cell) return atDistrict(focus.id);
  const chain = ancestry(grid, focus.id);
  const depth = chain.length - 1;
  const town = townOf(pack, focus.id);
  const towns = townCrumb(town);
  const parent = cell.properties.parent;
  return {
    focus,
    target: {
      kind: 'cell',
      id: focus.id,
      depth,
      parent,
      isLeaf: (grid.children.get(focus.id) ?? []).length === 0,
      leafDepth,
    },
    fitBox: box(grid.bbox.get(focus.id), pack.bbox),
    crumbs: [
      district,
      ...towns,
      ...chain.map((c) => ({
        focus: { kind: 'cell' as const, id: c.properties.id },
        label: c.properties.name,
        kind: levelName(c.properties.level),
      })),
    ],
    up: parent !== null ? { kind: 'cell', id: parent } : (towns[0]?.focus ?? null),
    unknownId: null,
  };
}
