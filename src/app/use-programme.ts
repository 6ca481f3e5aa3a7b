import { useMemo } from 'react';
import { unionBBox } from '../data/grid-index.ts';
import type { Lang } from '../data/localized.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { MapData } from '../layers/map-data.ts';
import { EMPTY_PROGRAMME_MAP, type ProgrammeMapData, programmeMapData } from '../layers/programme-layers.ts';
import type { ProgrammeView } from '../state/programme-url.ts';
import { useAppState } from '../state/store-context.tsx';

export interface ProgrammeState {
  /** Whether the pack has any programme document (else the top bar offers no panel). */
  available: boolean;
  /** The panel's tab and item when it is open on a pack that has programme data; null otherwise. */
  view: ProgrammeView | null;
  /** What the map draws: the committees' areas while the committees tab is shown. */
  map: { data: ProgrammeMapData; flyTo: [number, number, number, number] | null };
}

const CLOSED = { data: EMPTY_PROGRAMME_MAP, flyTo: null };

/** The programme panel's state from the store, and the map data it asks for. */
export function useProgramme(pack: RegionPack | null, mapData: MapData | null, lang: Lang): ProgrammeState {
  const stored = useAppState((s) => s.programme);
  const programme = pack?.programme;
  const available =
    !!programme &&
    (programme.committees.length > 0 || programme.indicators.length > 0 || programme.meetings.length > 0);
  const view = available ? stored : null;
  const onCommittees = view?.tab === 'committees';
  const selected = onCommittees ? (view?.id ?? null) : null;
  const map = useMemo(() => {
    if (!onCommittees || !pack || !mapData) return CLOSED;
    const committee = selected ? pack.programme.committees.find((c) => c.id === selected) : undefined;
    const boxes = (committee?.cells ?? []).flatMap((id) => {
      const b = pack.grid.bbox.get(id);
      return b ? [b] : [];
    });
    return {
      data: programmeMapData(pack, mapData, lang, committee ? selected : null),
      flyTo: boxes.length > 0 ? (unionBBox(boxes) as [number, number, number, number]) : null,
    };
  }, [onCommittees, pack, mapData, lang, selected]);
  return { available, view, map };
}
