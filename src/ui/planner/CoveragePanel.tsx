import { memo, useId, useMemo, useState } from 'react';
import type { RankBy } from '../../analysis/finding.ts';
import type { CoverageState } from '../../app/use-coverage.ts';
import { type Lang, pickName } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { SHADING, SHADING_MEASURES, type ShadingMeasure } from '../../layers/coverage-layers.ts';
import { useAppState } from '../../state/store-context.tsx';
import type { DayWindow } from '../../state/url.ts';
import { WindowPicker } from '../WindowPicker.tsx';
import { CoverageSummary } from './CoverageSummary.tsx';
import { exportFindingsCsv, exportFindingsGeoJson, exportMapPng } from './exports.ts';
import { FindingList } from './FindingList.tsx';
import {
  type FindingFilters,
  filterFindings,
  NO_FILTERS,
  rankedFindings,
  serviceKindLabel,
} from './planner-model.ts';

interface CoveragePanelProps {
  pack: RegionPack;
  lang: Lang;
  coverage: CoverageState;
  window: DayWindow | null;
  presets: { key: StringKey; window: DayWindow }[];
  onWindow: (window: DayWindow) => void;
  /** The map as drawn, for the PNG export (null before the map exists). */
  snapshot: () => HTMLCanvasElement | null;
  onClose: () => void;
}

/**
 * The planner's panel, in place of the cell panel: the analysis inputs (service kind, time window),
 * coverage figures, the ranked and filtered findings, map shading and exports. While an analysis runs
 * the previous results stay on screen with a status line; a failure is an alert, never a blank panel.
 * Memoised: the app re-renders every second (its clock) and this panel holds hundreds of nodes.
 */
export const CoveragePanel = memo(function CoveragePanel(props: CoveragePanelProps) {
  const { pack, lang, coverage, window, presets, onWindow, snapshot, onClose } = props;
  const t = useT();
  const headingId = useId();
  const setServiceKind = useAppState((s) => s.setServiceKind);
  const [filters, setFilters] = useState<FindingFilters>(NO_FILTERS);
  const [rankBy, setRankBy] = useState<RankBy>('area');
  const [exportError, setExportError] = useState<string | null>(null);
  const { run } = coverage;
  const { report } = run;
  const findings = useMemo(
    () => (report ? filterFindings(rankedFindings(report, rankBy), filters) : []),
    [report, rankBy, filters],
  );

  const guard = (action: () => void | Promise<void>) => async () => {
    setExportError(null);
    try {
      await action();
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    }
  };
  const regionName = pickName(pack.manifest.name, lang);

  return (
    <aside
      className="panel coverage-panel"
      aria-labelledby={headingId}
      aria-busy={run.status === 'loading' || run.status === 'running'}
      data-testid="coverage-panel"
      data-status={run.status}
      data-service-kind={report?.options.serviceKind ?? ''}
    >
      <header className="panel-head">
        <span className="panel-level">{regionName}</span>
        <h2 id={headingId}>{t('coverageLabel')}</h2>
        <div className="panel-actions">
          <button type="button" onClick={onClose} aria-label={t('coverageClose')} title={t('coverageClose')}>
            ×
          </button>
        </div>
      </header>

      <div className="coverage-inputs">
        {coverage.serviceKinds.length > 0 && (
          <label className="field">
            <span>{t('serviceKind')}</span>
            <select
              data-testid="service-kind"
              value={coverage.serviceKind ?? ''}
              onChange={(e) => setServiceKind(e.target.value || null)}
            >
              <option value="">{serviceKindLabel(lang, null)}</option>
              {coverage.serviceKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {serviceKindLabel(lang, kind)}
                </option>
              ))}
            </select>
          </label>
        )}
        {window && <WindowPicker window={window} presets={presets} onChange={onWindow} />}
        <fieldset className="toggle shading-toggle">
          <legend>{t('shading')}</legend>
          {[null, ...SHADING_MEASURES].map((m: ShadingMeasure | null) => (
            <button
              key={m ?? 'none'}
              type="button"
              aria-pressed={coverage.shading === m}
              data-testid={`shade-${m ?? 'none'}`}
              onClick={() => coverage.setShading(m)}
            >
              {t(m ? SHADING[m].title : 'shadingNone')}
            </button>
          ))}
        </fieldset>
      </div>

      {/* One line that changes text in place: no layout shift of the panel while a run starts or ends. */}
      <p role="status" className={`analysis-status analysis-${run.status}`} data-testid="analysis-status">
        {run.status === 'loading'
          ? t('analysisLoading')
          : run.status === 'running'
            ? t(report ? 'analysisRerunning' : 'analysisRunning')
            : run.status === 'done' && run.ms !== null
              ? t('analysisDoneIn', { ms: Math.round(run.ms) })
              : '\u00a0'}
      </p>
      {run.status === 'error' && run.error && (
        <div role="alert" className="alert">
          {t(run.error.kind === 'load' ? 'analysisLoadError' : 'analysisError', {
            message: run.error.message,
          })}
        </div>
      )}
      {exportError && (
        <div role="alert" className="alert">
          {t('exportFailed', { message: exportError })}
        </div>
      )}

      {report && (
        <div className="coverage-results" data-current={run.current}>
          <CoverageSummary report={report} pack={pack} lang={lang} />
          <section className="panel-section exports">
            <h3>{t('exportTitle')}</h3>
            <div className="export-buttons">
              <button type="button" onClick={guard(() => exportFindingsCsv(findings, pack, lang))}>
                {t('exportCsv')}
              </button>
              <button type="button" onClick={guard(() => exportFindingsGeoJson(findings, pack))}>
                {t('exportGeojson')}
              </button>
              <button
                type="button"
                onClick={guard(() => exportMapPng(snapshot(), pack, lang, coverage.shading, report))}
              >
                {t('exportPng')}
              </button>
            </div>
          </section>
          <FindingList
            report={report}
            pack={pack}
            lang={lang}
            findings={findings}
            filters={filters}
            onFilters={setFilters}
            rankBy={rankBy}
            onRankBy={setRankBy}
            selectedKey={coverage.selectedKey}
            onSelect={coverage.select}
          />
        </div>
      )}
    </aside>
  );
});
