import { ancestry } from '../data/grid-index.ts';
import { type Lang, pickName } from '../data/localized.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { Focus } from '../state/url.ts';

// Apart from programme-model.ts: the cell panel (on every click) needs only this, the programme
// panel's models load with that panel's own chunk.

export interface CellMeeting {
  id: string;
  date: string;
  topic: string;
  /** Name of the cell the meeting names when that is a cell above or below the subject; null when it is the subject. */
  via: string | null;
}

/**
 * The meetings concerning a cell: those naming the cell itself, a cell below it (rolled up, as partners
 * and projects are) or a cell above it (a meeting about an area concerns each of its cells). For a
 * street/town: those naming any cell in it. Newest first.
 */
export function meetingsFor(pack: RegionPack, focus: Focus, lang: Lang): CellMeeting[] {
  const { grid } = pack;
  const out: CellMeeting[] = [];
  for (const m of pack.programme.meetings) {
    let best: { via: string | null } | null = null;
    for (const named of m.cells) {
      const chain = ancestry(grid, named);
      if (focus.kind === 'town') {
        if (chain.some((c) => c.properties.town === focus.id))
          best = { via: grid.byId.get(named)?.properties.name ?? named };
      } else if (named === focus.id) {
        best = { via: null };
        break;
      } else if (
        chain.some((c) => c.properties.id === focus.id) ||
        ancestry(grid, focus.id).some((c) => c.properties.id === named)
      ) {
        best ??= { via: grid.byId.get(named)?.properties.name ?? named };
      }
    }
    if (best)
      out.push({
        id: m.id,
        date: m.date,
        topic: pickName(m.topic, lang),
        via: focus.kind === 'town' ? null : best.via,
      });
  }
  return out.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}
