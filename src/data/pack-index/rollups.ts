import type { GridIndex } from '../grid-index.ts';

export interface CountRollup {
  /** Sum over the leaf (finest-level) cells that carry the field. */
  sum: number;
  /** How many leaf cells carry it; less than `leaves` means the sum is partial. */
  known: number;
}

export interface CellRollup {
  /** Leaf cells under this cell (the cell itself when it is a leaf), in file order. */
  leafIds: readonly string[];
  /** Number of descendant cells per depth (index = depth; the cell's own depth and above are 0). */
  descendantsByDepth: readonly number[];
  population: CountRollup;
  households: CountRollup;
  partyMembers: CountRollup;
}

type CountField = 'population' | 'households' | 'partyMembers';
const FIELDS: readonly CountField[] = ['population', 'households', 'partyMembers'];

/**
 * Roll-ups for every cell, computed once per pack bottom-up: sums of people over the leaves, counts of
 * descendants per level, and the leaf list every spatial or activity roll-up is built from. Sums come
 * from the leaves rather than from a parent's own figure, so the numbers always add up.
 */
export function buildRollups(grid: GridIndex): ReadonlyMap<string, CellRollup> {
  const out = new Map<string, CellRollup>();
  const depthCount = grid.levels.length;
  for (let depth = depthCount - 1; depth >= 0; depth--) {
    for (const id of grid.byDepth[depth] ?? []) {
      const children = grid.children.get(id) ?? [];
      const descendantsByDepth = new Array<number>(depthCount).fill(0);
      const counts = {
        population: { sum: 0, known: 0 },
        households: { sum: 0, known: 0 },
        partyMembers: { sum: 0, known: 0 },
      };
      let leafIds: string[];
      if (children.length === 0) {
        leafIds = [id];
        const props = grid.byId.get(id)?.properties;
        for (const f of FIELDS) {
          const v = props?.[f];
          if (typeof v === 'number') counts[f] = { sum: v, known: 1 };
        }
      } else {
        leafIds = [];
        for (const childId of children) {
          const child = out.get(childId);
          if (!child) continue;
          leafIds.push(...child.leafIds);
          descendantsByDepth[depth + 1] = (descendantsByDepth[depth + 1] ?? 0) + 1;
          child.descendantsByDepth.forEach((n, d) => {
            descendantsByDepth[d] = (descendantsByDepth[d] ?? 0) + n;
          });
          for (const f of FIELDS) {
            counts[f].sum += child[f].sum;
            counts[f].known += child[f].known;
          }
        }
      }
      out.set(id, { leafIds, descendantsByDepth, ...counts });
    }
  }
  return out;
}

/** The same sums over an arbitrary set of leaves (e.g. all leaves of one street/town). */
export function rollupLeaves(
  grid: GridIndex,
  leafIds: readonly string[],
): Omit<CellRollup, 'descendantsByDepth'> {
  const counts = {
    population: { sum: 0, known: 0 },
    households: { sum: 0, known: 0 },
    partyMembers: { sum: 0, known: 0 },
  };
  for (const id of leafIds) {
    const props = grid.byId.get(id)?.properties;
    for (const f of FIELDS) {
      const v = props?.[f];
      if (typeof v === 'number') {
        counts[f].sum += v;
        counts[f].known += 1;
      }
    }
  }
  return { leafIds, ...counts };
}
