import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pickName } from '../data/localized.ts';
import { useT } from '../i18n/use-t.ts';
import { alertMarkers } from '../layers/alert-layers.ts';
import { MapView } from '../map/MapView.tsx';
import { useAppState } from '../state/store-context.tsx';
import { Attribution } from '../ui/Attribution.tsx';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { LevelLegend } from '../ui/LevelLegend.tsx';
import { LiveStatusBar } from '../ui/LiveStatusBar.tsx';
import { LayerControl } from '../ui/overlays/LayerControl.tsx';
import { ClusterNote, ProjectColourSwitch } from '../ui/overlays/OverlayExtras.tsx';
import { ProjectList } from '../ui/overlays/ProjectList.tsx';
import { MessageAlert, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { ModeSwitch } from '../ui/planner/ModeSwitch.tsx';
import { ProgrammeButton } from '../ui/programme/ProgrammeButton.tsx';
import { RegionSwitcher } from '../ui/RegionSwitcher.tsx';
import { SearchBox } from '../ui/SearchBox.tsx';
import {
  ActivityLegend,
  CoverageLegend,
  CoveragePanel,
  FocusPanel,
  PartnerCard,
  ProgrammePanel,
  ProjectCard,
  preloadPanels,
  TimeBar,
} from './lazy-ui.tsx';
import { resolveFocus } from './resolve-focus.ts';
import { defaultWindow } from './time-window.ts';
import { useActivityOverlay } from './use-activity.ts';
import { useCoverage } from './use-coverage.ts';
import { useDrillKeys } from './use-drill-keys.ts';
import { useLiveStatus } from './use-live-status.ts';
import { useOverlays } from './use-overlays.ts';
import { useProgramme } from './use-programme.ts';
import { useRegionPack } from './use-region-pack.ts';

/** Room left between a fitted box and the time bar's top edge. */
const TIME_BAR_GAP = 12;

/** Layout and composition only. */
export function App() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const regionId = useAppState((s) => s.regionId);
  const focus = useAppState((s) => s.focus);
  const focusOn = useAppState((s) => s.focusOn);
  const view = useAppState((s) => s.view);
  const viewOrigin = useAppState((s) => s.viewOrigin);
  const setView = useAppState((s) => s.setView);
  const storedWindow = useAppState((s) => s.window);
  const setWindow = useAppState((s) => s.setWindow);
  const planner = useAppState((s) => s.mode) === 'coverage';
  const setMode = useAppState((s) => s.setMode);
  const serviceKind = useAppState((s) => s.serviceKind);
  const snapshotRef = useRef<(() => HTMLCanvasElement) | null>(null);
  const setRegion = useAppState((s) => s.setRegion);
  // The first pack's grid is drawn as soon as it is in, ahead of the rest of the pack — unless the
  // address names a cell or town: then the map waits for the pack, to know where to look.
  const [drawAhead] = useState(() => focus === null);
  const [mapDrawn, setMapDrawn] = useState<string | null>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  // What the time bar covers of the map's bottom (0 without it): fits keep clear of it.
  const [timeBarCover, setTimeBarCover] = useState(0);
  const region = useRegionPack(regionId, { drawAhead, mapDrawn, mapFailed: mapError !== null });
  const [unknownId, setUnknownId] = useState<string | null>(null);
  const { pack, index } = region;
  const regionName = pack ? pickName(pack.manifest.name, lang) : '';
  const programme = useProgramme(pack, region.mapData, lang);
  const showProgramme = useAppState((s) => s.showProgramme);
  const programmeOpen = programme.view !== null;

  useEffect(() => {
    if (pack) preloadPanels();
  }, [pack]);
  const {
    live,
    query: statusQuery,
    intervalMs: statusIntervalMs,
  } = useLiveStatus(pack, region.config, region.packBaseUrl);
  const alertData = useMemo(
    () => (region.mapData && live ? alertMarkers(region.mapData, live.openAlertsByCell) : null),
    [region.mapData, live],
  );
  const overlays = useOverlays({
    pack,
    index,
    mapData: region.mapData,
    alerts: alertData,
    live: statusQuery !== null,
  });
  const resolved = useMemo(
    () => (pack && index ? resolveFocus(pack, index, focus, lang) : null),
    [pack, index, focus, lang],
  );

  // An id the pack does not have (a stale link, a typo): say so and show the district instead.
  useEffect(() => {
    if (!resolved?.unknownId) return;
    setUnknownId(resolved.unknownId);
    focusOn(null, 'replace');
  }, [resolved?.unknownId, focusOn]);

  const activityWindow = useMemo(
    () => storedWindow ?? (index ? defaultWindow(index) : null),
    [storedWindow, index],
  );
  const presets = useMemo(
    () =>
      index
        ? [
            { key: 'window4' as const, window: defaultWindow(index, 4) },
            { key: 'window12' as const, window: defaultWindow(index, 12) },
            { key: 'window52' as const, window: defaultWindow(index, 52) },
          ]
        : [],
    [index],
  );
  const activity = useActivityOverlay({ pack, index, window: activityWindow, lang });
  const coverage = useCoverage({
    // Also while a cell is open: its panel lists the cell's grid findings (the worker's run is cheap,
    // off the main thread, and repeated only when an input changes).
    // (Not on a pack read from a tile index: its grid geometry is not in the page, and a city's analysis
    // is for the planner to start, not for every click.)
    active: planner || (resolved?.focus != null && !pack?.grid.geometryless),
    pack,
    packUrl: region.packBaseUrl,
    serviceKind,
    window: activityWindow,
  });
  // Grid findings do not depend on the window or service kind: any report of this pack will do.
  const report = coverage.run.report;
  const gridFindings = report && pack && report.region.id === pack.manifest.id ? report.findings : null;

  const go = useCallback(
    (next: typeof focus) => {
      performance.mark('gridatlas:focus', { detail: next?.id ?? null });
      setUnknownId(null);
      // Navigating (map, breadcrumb, search) while the programme panel is open shows the cell's panel:
      // the programme panel closes in the same history step.
      if (programmeOpen) showProgramme(null, next);
      else focusOn(next);
    },
    [focusOn, programmeOpen, showProgramme],
  );
  const onCellClick = useCallback(
    (id: string | null, at: [number, number], topUnder?: string) => {
      if (id !== null) return go({ kind: 'cell', id });
      // Outside the clickable cells: step to the top-level cell under the click, if any (as the map
      // drew it, or located in the grid).
      const leaf = topUnder ?? index?.locator.leafAt(at);
      if (!leaf || !pack) return;
      let top = pack.grid.byId.get(leaf);
      while (top?.properties.parent) top = pack.grid.byId.get(top.properties.parent);
      if (top && top.properties.id !== focus?.id) go({ kind: 'cell', id: top.properties.id });
    },
    [go, index, pack, focus],
  );
  // Escape closes the programme panel first, then goes up the tree.
  useDrillKeys(() => (programmeOpen ? showProgramme(null) : resolved?.focus && go(resolved.up)));
  const snapshot = useCallback(() => snapshotRef.current?.() ?? null, []);
  const closePlanner = useCallback(() => setMode('explore'), [setMode]);

  return (
    <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="topbar">
        <h1>
          {t('appName')}
          {regionName && <span className="region-name">{regionName}</span>}
        </h1>
        {pack?.manifest.generated && <span className="badge">{t('syntheticData')}</span>}
        {statusQuery && (
          <LiveStatusBar
            query={statusQuery}
            intervalMs={statusIntervalMs}
            level={live?.responseLevel ?? null}
            lang={lang}
          />
        )}
        <ModeSwitch />
        {programme.available && <ProgrammeButton open={programmeOpen} />}
        <RegionSwitcher
          regionsBase={region.regionsBase}
          ids={region.regionIds}
          current={region.requestedId}
          lang={lang}
          onChange={setRegion}
        />
        <LanguageSwitch />
      </header>
      <main className="stage">
        <MapView
          data={region.mapData}
          waiting={region.mapAhead}
          onDrawn={setMapDrawn}
          lang={lang}
          basemap={region.basemap}
          focus={resolved?.target ?? null}
          fitBox={resolved?.fitBox ?? region.mapData?.bbox ?? null}
          requestedView={viewOrigin === 'map' ? null : view}
          alerts={alertData}
          coverage={planner ? coverage.map : null}
          programme={programme.map}
          overlays={overlays.active}
          overlayFilters={overlays.filters}
          projectColour={overlays.projectColour}
          selection={overlays.selected}
          reveal={overlays.reveal}
          onSelect={(selection) => overlays.choose(selection, selection.kind === 'partner')}
          activity={activity.map}
          bottomInset={timeBarCover > 0 ? timeBarCover + TIME_BAR_GAP : 0}
          snapshotRef={snapshotRef}
          label={t('mapLabel', { region: regionName })}
          onError={setMapError}
          onCellClick={onCellClick}
          onViewChange={(v) => setView(v, 'map')}
        />
        <div className="overlay">
          {pack && index && <SearchBox pack={pack} entries={index.search} lang={lang} onChoose={go} />}
          {resolved && <Breadcrumb crumbs={resolved.crumbs} onGo={go} />}
          {region.configError && <MessageAlert message={t('configError', { message: region.configError })} />}
          {region.indexError && <MessageAlert message={t('indexError', { message: region.indexError })} />}
          {region.basemapError && (
            <MessageAlert message={t('basemapError', { message: region.basemapError })} />
          )}
          {region.unknownRegion && pack && (
            <MessageAlert
              message={t('unknownRegion', { region: region.unknownRegion, fallback: pack.manifest.id })}
            />
          )}
          {unknownId && pack && (
            <MessageAlert message={t('unknownCell', { region: pack.manifest.id, id: unknownId })} />
          )}
          {region.problems.length > 0 && (
            <ProblemAlert
              title={t('packErrorTitle', { region: region.requestedId ?? '' })}
              problems={region.problems}
              keptLastGood={pack !== null}
            />
          )}
          {mapError && <MessageAlert message={mapError} />}
          {region.loading && (
            <p className="loading" role="status">
              {t('loadingPack')}
            </p>
          )}
          {pack && <LevelLegend pack={pack} />}
          {pack && (
            <LayerControl
              toggles={overlays.toggles}
              active={overlays.active}
              onToggle={overlays.onToggle}
              legends={overlays.legends}
              onEntryToggle={overlays.onEntryToggle}
              onShowAll={overlays.onShowAll}
              extras={{
                partners: <ClusterNote />,
                activity: activity.legend && index?.activityTimeline && (
                  <ActivityLegend legend={activity.legend} kinds={index.activityTimeline.kinds} />
                ),
                projects: (
                  <ProjectColourSwitch colour={overlays.projectColour} onColour={overlays.setProjectColour} />
                ),
              }}
              folded={overlays.projectColour === 'domain' ? [] : ['projects/domain']}
            />
          )}
          {planner && coverage.shading && (
            <CoverageLegend measure={coverage.shading} report={coverage.run.report} />
          )}
        </div>
        {planner && pack && (
          <CoveragePanel
            pack={pack}
            lang={lang}
            coverage={coverage}
            window={activityWindow}
            presets={presets}
            onWindow={setWindow}
            snapshot={snapshot}
            onClose={closePlanner}
          />
        )}
        {!planner && pack && index && programme.view && (
          <ProgrammePanel
            pack={pack}
            index={index}
            lang={lang}
            view={programme.view}
            onView={showProgramme}
            onCell={(id) => go({ kind: 'cell', id })}
            onClose={() => showProgramme(null)}
          />
        )}
        {!planner && !programme.view && (
          // The right-hand column: a partner's or project's card over the cell panel, else the list.
          <div className="side">
            {overlays.partner && (
              <PartnerCard
                model={overlays.partner}
                lang={lang}
                onCell={(id) => go({ kind: 'cell', id })}
                onProject={(id) => overlays.choose({ kind: 'project', id }, true)}
                onClose={() => overlays.choose(null, false)}
              />
            )}
            {overlays.project && (
              <ProjectCard
                model={overlays.project}
                lang={lang}
                onCell={(id) => go({ kind: 'cell', id })}
                onPartner={(id) => overlays.choose({ kind: 'partner', id }, true)}
                onClose={() => overlays.choose(null, false)}
              />
            )}
            {resolved?.focus && pack && index && activityWindow && (
              <FocusPanel
                pack={pack}
                index={index}
                focus={resolved.focus}
                window={activityWindow}
                live={live}
                gridFindings={gridFindings}
                lang={lang}
                presets={presets}
                onGo={go}
                onUp={() => go(resolved.up)}
                onClose={() => go(null)}
                onWindow={setWindow}
                onMeeting={(id) => showProgramme({ tab: 'meetings', id })}
              />
            )}
            {!resolved?.focus &&
              !overlays.partner &&
              !overlays.project &&
              overlays.active.has('projects') &&
              pack && (
                <ProjectList
                  rows={overlays.rows}
                  total={pack.projects.length}
                  onChoose={(id) => overlays.choose({ kind: 'project', id }, true)}
                />
              )}
          </div>
        )}
        {activity.on && activity.range && activityWindow && (
          <TimeBar
            window={activityWindow}
            range={activity.range}
            series={activity.series}
            totals={activity.totals}
            onCover={setTimeBarCover}
          />
        )}
        {pack && <Attribution text={pack.manifest.attribution} />}
      </main>
    </div>
  );
}
