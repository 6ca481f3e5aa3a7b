import { useCallback, useMemo, useRef, useState } from 'react';
import { useCoverage } from '../app/use-coverage.ts';
import { useLiveStatus } from '../app/use-live-status.ts';
import { useRegionPack } from '../app/use-region-pack.ts';
import { pickName } from '../data/localized.ts';
import { packIndex } from '../data/pack-index/pack-index.ts';
import type { ActivityFeature } from '../data/status-merge.ts';
import { wallText } from '../i18n/wall-strings.ts';
import { alertMarkers } from '../layers/alert-layers.ts';
import { wallScale } from '../layers/wall-style.ts';
import { useAppState } from '../state/store-context.tsx';
import { parseWallConfig } from '../state/url.ts';
import { LiveStatusBar } from '../ui/LiveStatusBar.tsx';
import { activityBasis, recentActivity } from './activity-basis.ts';
import { KpiTiles, LEVEL_RANK } from './KpiTiles.tsx';
import { districtKpis, stopKpis } from './kpis.ts';
import { MobilisationAlerts, MobilisationForces } from './MobilisationView.tsx';
import { isMobilised, mobilisationModel } from './mobilisation.ts';
import { StopPanel } from './StopPanel.tsx';
import { Ticker } from './Ticker.tsx';
import { latestPackEvents, tickerItems } from './ticker.ts';
import { stopTarget, tourPlan } from './tour.ts';
import { useObservedSince, useSessionTrend } from './use-session.ts';
import { useSoftReload } from './use-soft-reload.ts';
import { useTour } from './use-tour.ts';
import { useWallKeys } from './use-wall-keys.ts';
import { WallClock } from './WallClock.tsx';
import { WallMap } from './WallMap.tsx';
import './wall.css';

/**
 * `?mode=wall`: the command-centre screen. Loaded lazily (main.tsx), so the dashboard never carries it.
 * Reuses the dashboard's data hooks (pack, live feed, coverage worker) and its one map controller; adds
 * the tour, the KPI tiles, the mobilisation view and the ticker. Nothing needs a hover or a click.
 */
export default function WallApp() {
  const lang = useAppState((s) => s.lang);
  const regionId = useAppState((s) => s.regionId);
  const config = useMemo(() => parseWallConfig(location.search), []);
  const [scale] = useState(() => wallScale(window.innerHeight));
  const region = useRegionPack(regionId);
  const { pack, mapData } = region;
  const index = useMemo(() => (pack ? packIndex(pack) : null), [pack]);
  const { live, query, intervalMs } = useLiveStatus(pack, region.config, region.packBaseUrl);
  const coverage = useCoverage({
    active: pack !== null,
    pack,
    packUrl: region.packBaseUrl,
    serviceKind: null,
    window: null,
  });
  const report = coverage.run.report;
  const [mapError, setMapError] = useState<string | null>(null);
  const [mapLost, setMapLost] = useState(false);

  const plan = useMemo(
    () => (pack && index ? tourPlan(pack, index, config, lang) : null),
    [pack, index, config, lang],
  );
  const stops = plan?.stops ?? NO_STOPS;
  const level = live?.responseLevel ?? null;
  const mobilised = isMobilised(level);
  const tour = useTour(
    stops,
    pack?.manifest.id ?? null,
    config.intervalS * 1000,
    config.resumeS * 1000,
    mobilised,
  );
  useWallKeys(tour.dispatch);
  useSoftReload(config.reload);

  const stop = mobilised ? null : (stops[tour.index] ?? null);
  const leafDepth = pack ? pack.grid.levels.length - 1 : 0;
  const target = useMemo(
    () =>
      stopTarget(
        stop,
        leafDepth,
        stop?.kind === 'cell' && (pack?.grid.children.get(stop.id)?.length ?? 0) > 0,
      ),
    [stop, leafDepth, pack],
  );
  const fitBox = stop?.bbox ?? (pack ? (mapData?.bbox ?? null) : null);

  const leafOf = useMemo(() => {
    if (!pack || !index) return () => null;
    const leaves = new Set(pack.grid.byDepth[pack.grid.levels.length - 1] ?? []);
    return (e: ActivityFeature) =>
      e.properties.cell !== undefined && leaves.has(e.properties.cell)
        ? e.properties.cell
        : index.locator.leafAt(e.geometry.coordinates);
  }, [pack, index]);
  const basis = useMemo(
    () => (live && index ? activityBasis(live.generatedAt, index.activity.span, live.liveActivity) : null),
    [live, index],
  );
  const recent = useMemo(
    () => (live && index && basis ? recentActivity(index.activity, live.liveActivity, basis, leafOf) : []),
    [live, index, basis, leafOf],
  );
  const district = useMemo(
    () => (pack && live && basis ? districtKpis({ pack, live, report, basis, recent, lang }) : null),
    [pack, live, report, basis, recent, lang],
  );
  const stopFigures = useMemo(
    () =>
      pack && index && live && basis && stop
        ? stopKpis({ pack, index, live, report, basis, recent, lang, stop })
        : null,
    [pack, index, live, report, basis, recent, lang, stop],
  );
  const sampleValues = useMemo(
    () =>
      district && live?.generatedAt
        ? {
            alerts: district.alerts?.open ?? 0,
            delayed: district.projects.delayed,
            staff: district.onDuty?.staff ?? 0,
            level: LEVEL_RANK[district.level ?? 'normal'],
          }
        : null,
    [district, live?.generatedAt],
  );
  const samples = useSessionTrend(live?.generatedAt ?? null, sampleValues);
  const observedSince = useObservedSince(level);
  const mobilisation = useMemo(
    () => (pack && live ? mobilisationModel(pack, live, observedSince, 10) : null),
    [pack, live, observedSince],
  );
  const packLatest = useMemo(() => (pack ? latestPackEvents(pack) : []), [pack]);
  const ticker = useMemo(
    () => (pack && live ? tickerItems(pack, live, lang, { packLatest }) : []),
    [pack, live, lang, packLatest],
  );
  const alerts = useStableMarkers(
    useMemo(() => (mapData && live ? alertMarkers(mapData, live.openAlertsByCell) : null), [mapData, live]),
  );
  const onLost = useCallback((lost: boolean) => setMapLost(lost), []);

  const t = (key: Parameters<typeof wallText>[1], params?: Record<string, string | number>) =>
    wallText(lang, key, params);
  const regionName = pack ? pickName(pack.manifest.name, lang) : '';
  const errors = [
    region.configError,
    region.indexError,
    region.problems.length > 0 ? region.problems.map((p) => `${p.file}: ${p.message}`).join('; ') : null,
    mapError,
  ].filter((e): e is string => e !== null);

  return (
    <div
      className={`wall wall-level-${level ?? 'none'}`}
      lang={lang === 'zh' ? 'zh-CN' : 'en'}
      data-testid="wall"
      data-view={mobilisation ? 'mobilisation' : 'tour'}
    >
      <header className="wall-head">
        <h1 className="wall-title">
          <span className="wall-region">{regionName}</span>
          <span className="wall-sub">{t('wallTitle')}</span>
          {pack?.manifest.generated && <span className="wall-badge">{t('synthetic')}</span>}
        </h1>
        <div className="wall-live">
          {query ? (
            <LiveStatusBar query={query} intervalMs={intervalMs} level={level} lang={lang} />
          ) : (
            <span className="live live-none" data-testid="live-clock">
              {pack ? t('noFeed') : t('loading')}
            </span>
          )}
        </div>
        <WallClock lang={lang} />
      </header>
      <main className="wall-main">
        <div className="wall-left">
          {mobilisation ? (
            <MobilisationForces model={mobilisation} lang={lang} />
          ) : district && basis ? (
            <KpiTiles
              kpis={district}
              basis={basis}
              report={report && pack && report.region.id === pack.manifest.id ? report : null}
              coverageError={coverage.run.error?.message ?? null}
              samples={samples}
              lang={lang}
            />
          ) : null}
        </div>
        <div className="wall-center">
          <WallMap
            data={mapData}
            lang={lang}
            basemap={region.basemap}
            target={target}
            fitBox={fitBox}
            animate={config.intervalS >= 4}
            alerts={alerts}
            scale={scale}
            label={t('wallLabel', { region: regionName })}
            onError={setMapError}
            onLost={onLost}
          />
          {mapLost && (
            <p className="wall-map-lost" role="status">
              {t('mapLost')}
            </p>
          )}
          {errors.length > 0 && (
            <div className="wall-errors">
              {errors.map((e) => (
                <p key={e} role="alert">
                  {e}
                </p>
              ))}
            </div>
          )}
        </div>
        <div className="wall-right">
          {mobilisation ? (
            <MobilisationAlerts model={mobilisation} lang={lang} />
          ) : (
            <StopPanel
              stop={stop}
              kpis={stopFigures}
              index={tour.index}
              total={stops.length}
              paused={tour.paused}
              resumeAt={tour.resumeAt}
              intervalS={config.intervalS}
              unknown={plan?.unknown ?? []}
              lang={lang}
              dispatch={tour.dispatch}
            />
          )}
        </div>
      </main>
      <Ticker items={ticker} historical={live?.generatedAt == null} lang={lang} />
    </div>
  );
}

const NO_STOPS: never[] = [];

type Markers = ReturnType<typeof alertMarkers>;

/**
 * The same markers object for as long as the markers say the same thing: every poll brings a new feed
 * object, but the map should re-upload its alert source only when an alert opens, closes or changes.
 */
function useStableMarkers(markers: Markers | null): Markers | null {
  const kept = useRef<{ key: string; markers: Markers | null }>({ key: '', markers: null });
  const key = markers
    ? markers.features
        .map(
          (f) => `${f.properties.cell}:${f.properties.severity}:${f.properties.kind}:${f.properties.count}`,
        )
        .join('|')
    : '';
  if (kept.current.markers === null || kept.current.key !== key) kept.current = { key, markers };
  return kept.current.markers;
}
