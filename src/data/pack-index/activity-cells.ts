import { lowerBound } from '../sorted.ts';
import type { ActivityIndex } from './activity-index.ts';

/** A cell's volunteer activity in a window. */
export interface CellActivity {
  events: number;
  volunteers: number;
  hours: number;
}

/** The kinds wanted as a mask over `index.kinds` (1 = counted); null when every kind counts. */
export function kindMask(index: ActivityIndex, kinds: readonly string[] | null): Uint8Array | null {
  if (kinds === null) return null;
  const wanted = new Set(kinds);
  return Uint8Array.from(index.kinds, (k) => (wanted.has(k) ? 1 : 0));
}

/**
 * Events, volunteers and hours of each leaf cell in [from, to) (ms), counting only the kinds wanted
 * (null: all). Each leaf's events are sorted by time: two binary searches find the window, and only the
 * events inside it are visited, so a slider step costs what the window holds, not what the pack holds.
 * Every leaf asked for gets an entry (zero when it had nothing).
 */
export function cellActivity(
  index: ActivityIndex,
  leafIds: readonly string[],
  from: number,
  to: number,
  kinds: readonly string[] | null = null,
): Map<string, CellActivity> {
  const mask = kindMask(index, kinds);
  const out = new Map<string, CellActivity>();
  for (const leaf of leafIds) {
    const a = index.byLeaf.get(leaf);
    let events = 0;
    let volunteers = 0;
    let hours = 0;
    if (a) {
      const end = lowerBound(a.times, to);
      for (let i = lowerBound(a.times, from); i < end; i++) {
        if (mask && mask[a.kind[i] as number] === 0) continue;
        events++;
        volunteers += a.volunteers[i] as number;
        hours += a.hours[i] as number;
      }
    }
    out.set(leaf, { events, volunteers, hours });
  }
  return out;
}
