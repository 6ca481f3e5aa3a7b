import { ancestry, type GridIndex } from '../grid-index.ts';
import type { RegionPack } from '../region-pack.ts';
import { geometryBounds, type LeafLocator } from './leaf-locator.ts';

export interface PartnerLink {
  partnerId: string;
  /** Paired with this cell or one below it (结对), located inside it, or both. */
  paired: boolean;
  inside: boolean;
  /** The cells of the pairing that lie in (or are) this cell. */
  via: string[];
}

export interface CellLinks {
  partners: ReadonlyMap<string, readonly PartnerLink[]>;
  /** Project ids touching each cell (lines and areas included). */
  projects: ReadonlyMap<string, readonly string[]>;
  /** Leaf cell of each partner point (null when outside every cell). */
  partnerLeaf: ReadonlyMap<string, string | null>;
}

/** Adds `value` under a cell and under all its ancestors. */
function addUp<T>(grid: GridIndex, map: Map<string, T[]>, cellId: string, value: T): void {
  for (const cell of ancestry(grid, cellId)) {
    const id = cell.properties.id;
    const list = map.get(id);
    if (list) list.push(value);
    else map.set(id, [value]);
  }
}

/**
 * Who works where: partners paired with or inside each cell, projects touching each cell, rolled up to
 * every ancestor. A project's `cells` are used when given, else derived from its geometry.
 */
export function buildCellLinks(pack: RegionPack, locator: LeafLocator): CellLinks {
  const { grid } = pack;
  const partnerLeaf = new Map<string, string | null>();
  const raw = new Map<string, { partnerId: string; paired: boolean; via?: string }[]>();
  for (const p of pack.partners) {
    const id = p.properties.id;
    const leaf = locator.leafAt(p.geometry.coordinates);
    partnerLeaf.set(id, leaf);
    if (leaf) addUp(grid, raw, leaf, { partnerId: id, paired: false });
    for (const cell of new Set(p.properties.cells ?? []))
      addUp(grid, raw, cell, { partnerId: id, paired: true, via: cell });
  }
  const partners = new Map<string, PartnerLink[]>();
  for (const [cellId, entries] of raw) {
    const byPartner = new Map<string, PartnerLink>();
    for (const e of entries) {
      const link = byPartner.get(e.partnerId) ?? {
        partnerId: e.partnerId,
        paired: false,
        inside: false,
        via: [],
      };
      if (e.paired) {
        link.paired = true;
        if (e.via && !link.via.includes(e.via)) link.via.push(e.via);
      } else link.inside = true;
      byPartner.set(e.partnerId, link);
    }
    partners.set(cellId, [...byPartner.values()]);
  }

  const projects = new Map<string, string[]>();
  for (const project of pack.projects) {
    const id = project.properties.id;
    const cells =
      project.properties.cells ?? locator.leavesTouching(project.geometry, geometryBounds(project.geometry));
    const seen = new Set<string>();
    for (const cell of cells) {
      for (const c of ancestry(grid, cell)) {
        const cid = c.properties.id;
        if (seen.has(cid)) continue;
        seen.add(cid);
        const list = projects.get(cid);
        if (list) list.push(id);
        else projects.set(cid, [id]);
      }
    }
  }
  return { partners, projects, partnerLeaf };
}
