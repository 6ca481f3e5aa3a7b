import type { BBox, FeatureCollection, Point } from 'geojson';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { PROJECT_STATUSES } from '../data/feature-schemas.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/use-t.ts';
import { type AlertMarkerProps, alertLegend } from '../layers/alert-layers.ts';
import type { MapData } from '../layers/map-data.ts';
import {
  NO_COMMITTEE,
  type OverlayFilters,
  type OverlaySelection,
  toggleInFilter,
} from '../layers/overlay-style.ts';
import {
  activeOverlays,
  DEFAULT_OVERLAYS,
  OVERLAY_IDS,
  type OverlayId,
  type OverlayLegend,
} from '../layers/overlays.ts';
import { partnerLegends } from '../layers/partner-layers.ts';
import { projectLegends } from '../layers/project-layers.ts';
import { serviceLegend } from '../layers/service-layers.ts';
import { useAppState } from '../state/store-context.tsx';
import type { OverlayToggle } from '../ui/overlays/LayerControl.tsx';
import { overlayNames, partnerCard, projectCard, projectList, selectionBox } from './overlay-model.ts';

interface OverlayInputs {
  pack: RegionPack | null;
  index: PackIndex | null;
  mapData: MapData | null;
  alerts: FeatureCollection<Point, AlertMarkerProps> | null;
  /** Whether a live feed is configured (else the alerts overlay has nothing to show). */
  live: boolean;
}

/**
 * The overlays' state for the page: toggles and legends for the layer control, filters and selection
 * for the map, the card and list models for the right-hand panel, and the store actions behind them.
 */
export function useOverlays({ pack, index, mapData, alerts, live }: OverlayInputs) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const layers = useAppState((s) => s.layers);
  const setLayers = useAppState((s) => s.setLayers);
  const committees = useAppState((s) => s.partnerCommittees);
  const statuses = useAppState((s) => s.projectStatuses);
  const domains = useAppState((s) => s.projectDomains);
  const projectColour = useAppState((s) => s.projectColour);
  const setProjectColour = useAppState((s) => s.setProjectColour);
  const selected = useAppState((s) => s.selected);
  const select = useAppState((s) => s.select);
  const setCommittees = useAppState((s) => s.setPartnerCommittees);
  const setStatuses = useAppState((s) => s.setProjectStatuses);
  const setDomains = useAppState((s) => s.setProjectDomains);
  const [reveal, setReveal] = useState<{ bbox: BBox } | null>(null);

  const active = useMemo(() => activeOverlays(layers), [layers]);
  const filters: OverlayFilters = useMemo(
    () => ({ committees, statuses, domains }),
    [committees, statuses, domains],
  );
  const data = mapData?.overlays ?? null;
  const names = useMemo(() => (pack ? overlayNames(pack, lang, t) : null), [pack, lang, t]);

  const legends: OverlayLegend[] = useMemo(() => {
    if (!data || !names) return [];
    return [
      ...partnerLegends(data, filters, lang, t, names),
      ...projectLegends(data, filters, projectColour, t, names),
      serviceLegend(data, t, names),
      alertLegend(alerts, t),
    ];
  }, [data, names, filters, lang, t, projectColour, alerts]);

  const toggles: OverlayToggle[] = useMemo(
    () =>
      OVERLAY_IDS.map((id) => ({
        id,
        label: t(`overlay_${id}` as StringKey),
        available: id === 'alerts' ? live : (pack?.[id].length ?? 0) > 0,
      })),
    [t, pack, live],
  );

  const onToggle = useCallback(
    (id: OverlayId, on: boolean) => {
      const next = new Set(active);
      if (on) next.add(id);
      else next.delete(id);
      const list = OVERLAY_IDS.filter((o) => next.has(o));
      const isDefault = list.length === DEFAULT_OVERLAYS.length && DEFAULT_OVERLAYS.every((o) => next.has(o));
      setLayers(isDefault ? null : list);
    },
    [active, setLayers],
  );

  const allCommittees = useMemo(() => {
    const ids = data?.committees ?? [];
    return data?.partners.features.some((f) => f.properties.committee === NO_COMMITTEE)
      ? [...ids, NO_COMMITTEE]
      : ids;
  }, [data]);
  const allDomains = useMemo(
    () => [
      ...new Set([
        ...(data?.domains ?? []),
        ...(data?.projects.features.map((f) => f.properties.domain) ?? []),
      ]),
    ],
    [data],
  );
  const onEntryToggle = useCallback(
    (legend: OverlayLegend, key: string) => {
      if (legend.toggles === 'committee') setCommittees(toggleInFilter(committees, allCommittees, key));
      if (legend.toggles === 'domain') setDomains(toggleInFilter(domains, allDomains, key));
      if (legend.toggles === 'status') {
        const status = PROJECT_STATUSES.find((s) => s === key);
        if (status) setStatuses(toggleInFilter(statuses, PROJECT_STATUSES, status));
      }
    },
    [committees, domains, statuses, allCommittees, allDomains, setCommittees, setDomains, setStatuses],
  );
  const onShowAll = useCallback(
    (legend: OverlayLegend) => {
      if (legend.toggles === 'committee') setCommittees(null);
      if (legend.toggles === 'domain') setDomains(null);
      if (legend.toggles === 'status') setStatuses(null);
    },
    [setCommittees, setDomains, setStatuses],
  );

  const partner = useMemo(
    () =>
      pack && index && names && selected?.kind === 'partner'
        ? partnerCard(pack, index, selected.id, lang, names)
        : null,
    [pack, index, names, selected, lang],
  );
  const project = useMemo(
    () =>
      pack && index && names && selected?.kind === 'project'
        ? projectCard(pack, index, selected.id, lang, names)
        : null,
    [pack, index, names, selected, lang],
  );
  const rows = useMemo(
    () => (pack && names ? projectList(pack, filters, names) : []),
    [pack, filters, names],
  );

  // A selection this pack does not have (a stale link): drop it rather than show an empty card.
  useEffect(() => {
    if (selected && pack && index && !partner && !project) select(null);
  }, [selected, pack, index, partner, project, select]);

  /** Selects a partner or project and, when asked, brings it (with a partner's cells) on screen. */
  const choose = useCallback(
    (selection: OverlaySelection | null, show: boolean) => {
      select(selection);
      if (!show || !selection || !pack || !data) return;
      const bbox = selectionBox(pack, data.cellPoints, selection);
      if (bbox) setReveal({ bbox });
    },
    [select, pack, data],
  );

  return {
    active,
    filters,
    projectColour,
    setProjectColour,
    selected,
    reveal,
    legends,
    toggles,
    onToggle,
    onEntryToggle,
    onShowAll,
    partner,
    project,
    rows,
    choose,
  };
}
