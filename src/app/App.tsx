import { useState } from 'react';
import { pickName } from '../data/localized.ts';
import { useT } from '../i18n/use-t.ts';
import { MapView } from '../map/MapView.tsx';
import { useAppState } from '../state/store-context.tsx';
import { Attribution } from '../ui/Attribution.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { LevelLegend } from '../ui/LevelLegend.tsx';
import { MessageAlert, ProblemAlert } from '../ui/ProblemAlert.tsx';
import { useRegionPack } from './use-region-pack.ts';

/** Layout and composition only. */
export function App() {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const regionId = useAppState((s) => s.regionId);
  const region = useRegionPack(regionId);
  const [mapError, setMapError] = useState<string | null>(null);
  const { pack } = region;
  const regionName = pack ? pickName(pack.manifest.name, lang) : '';

  return (
    <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="topbar">
        <h1>
          {t('appName')}
          {regionName && <span className="region-name">{regionName}</span>}
        </h1>
        {pack?.manifest.generated && <span className="badge">{t('syntheticData')}</span>}
        <LanguageSwitch />
      </header>
      <main className="stage">
        <MapView
          data={region.mapData}
          lang={lang}
          basemap={region.basemap}
          label={t('mapLabel', { region: regionName })}
          onError={setMapError}
        />
        <aside className="overlay">
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
        </aside>
        {pack && <Attribution text={pack.manifest.attribution} />}
      </main>
    </div>
  );
}
