import type { Dispatch } from 'react';
import { useNow } from '../app/use-now.ts';
import type { Lang } from '../data/localized.ts';
import { formatNumber } from '../i18n/strings.ts';
import { formatShare, wallText } from '../i18n/wall-strings.ts';
import { SEVERITY_COLOUR } from '../layers/alert-layers.ts';
import type { StopKpis } from './kpis.ts';
import { Sparkline } from './Sparkline.tsx';
import type { TourAction, TourStop } from './tour.ts';

interface StopPanelProps {
  stop: TourStop | null;
  kpis: StopKpis | null;
  index: number;
  total: number;
  paused: boolean;
  resumeAt: number | null;
  intervalS: number;
  unknown: readonly string[];
  lang: Lang;
  dispatch: Dispatch<TourAction>;
}

/** The tour stop on screen: its name and its own figures, beside the map that fits it. */
export function StopPanel(props: StopPanelProps) {
  const { stop, kpis, index, total, paused, intervalS, unknown, lang } = props;
  const t = (key: Parameters<typeof wallText>[1], params?: Record<string, string | number>) =>
    wallText(lang, key, params);
  const n = (v: number | null) => (v === null ? '—' : formatNumber(lang, v));
  return (
    <aside className="stop" data-testid="stop-panel">
      <header className="stop-head">
        <p className="stop-kind">
          {t('tourLabel')} · {stop ? (stop.kind === 'town' ? t('town') : stop.levelName) : ''}
          <span className="stop-count" data-testid="tour-position">
            {total > 0 ? t('tourStop', { n: index + 1, total }) : t('tourOff')}
          </span>
        </p>
        <h2 className="stop-name" data-testid="stop-name" data-stop={stop ? `${stop.kind}:${stop.id}` : ''}>
          {stop?.name ?? '—'}
        </h2>
        {total > 1 && (
          // Restarted at each stop (key): a bar that fills over the interval, drawn by CSS alone.
          <div className={`tour-progress${paused ? ' is-paused' : ''}`} aria-hidden="true">
            <span key={`${index}:${paused}`} style={{ animationDuration: `${intervalS}s` }} />
          </div>
        )}
      </header>
      {kpis && (
        <dl className="stop-figures">
          <div className="stop-row">
            <dt>{t('population')}</dt>
            <dd className="num" data-testid="stop-population">
              {n(kpis.population)}
            </dd>
          </div>
          {kpis.below.map((b) => (
            <div className="stop-row" key={b.level}>
              <dt>{t('cellsBelow', { level: b.name })}</dt>
              <dd className="num" data-testid={`stop-cells-${b.level}`}>
                {n(b.count)}
              </dd>
            </div>
          ))}
          <div className="stop-row">
            <dt>{t('partners')}</dt>
            <dd className="num" data-testid="stop-partners">
              {n(kpis.partners)}
            </dd>
          </div>
          <div className="stop-row">
            <dt>{t('projects')}</dt>
            <dd className="num" data-testid="stop-projects">
              {n(kpis.projects.active)}
              <small>/</small>
              <span className={kpis.projects.delayed > 0 ? 'tone-warn' : undefined}>
                {n(kpis.projects.delayed)}
              </span>
            </dd>
          </div>
          <div className="stop-row">
            <dt>
              {t('tileEvents')} · {t('week')}
            </dt>
            <dd className="num stop-with-trend" data-testid="stop-events-week">
              {n(kpis.activity?.week.events ?? null)}
              {kpis.activity && <Sparkline kind="bars" values={kpis.activity.daily.map((d) => d.events)} />}
            </dd>
          </div>
          <div className="stop-row">
            <dt>{t('alertsHere')}</dt>
            <dd
              className={`num${kpis.alerts && kpis.alerts.open > 0 ? ' tone-alert' : ''}`}
              data-testid="stop-alerts"
            >
              {kpis.alerts ? n(kpis.alerts.open) : '—'}
            </dd>
          </div>
          {kpis.onDuty && (
            <div className="stop-row">
              <dt>{t('onDutyHere')}</dt>
              <dd className="num" data-testid="stop-duty">
                {n(kpis.onDuty.staff)}
                <small>/</small>
                {n(kpis.onDuty.volunteers)}
              </dd>
            </div>
          )}
          {kpis.coveredShare !== null && (
            <div className="stop-row">
              <dt>{t('coverageHere')}</dt>
              <dd className="num" data-testid="stop-coverage">
                {formatShare(lang, kpis.coveredShare)}
              </dd>
            </div>
          )}
        </dl>
      )}
      {unknown.length > 0 && (
        <p className="stop-unknown" role="status">
          {t('unknownStops', { ids: unknown.join(', ') })}
        </p>
      )}
      <p className="wall-legend" aria-hidden="true">
        <span className="legend-item">
          <i className="stop-swatch" />
          {stop?.kind === 'town' ? t('town') : (stop?.levelName ?? '')}
        </span>
        {(['critical', 'warning', 'info'] as const).map((s) => (
          <span key={s} className="legend-item">
            <i style={{ background: SEVERITY_COLOUR[s] }} />
            {wallText(lang, `sev_${s}`)}
          </span>
        ))}
      </p>
      {total > 1 && <TourControls {...props} />}
    </aside>
  );
}

/** Big enough to hit on a touch wall; Space and ← → do the same from a keyboard. */
function TourControls({ paused, resumeAt, lang, dispatch }: StopPanelProps) {
  const t = (key: Parameters<typeof wallText>[1], params?: Record<string, string | number>) =>
    wallText(lang, key, params);
  return (
    <div className="tour-controls">
      <button type="button" onClick={() => dispatch({ type: 'previous' })} aria-label={t('previous')}>
        ◀
      </button>
      <button
        type="button"
        className="tour-toggle"
        data-testid="tour-toggle"
        aria-pressed={paused}
        onClick={() => dispatch({ type: 'toggle' })}
      >
        {paused ? t('resume') : t('pause')}
      </button>
      <button type="button" onClick={() => dispatch({ type: 'next' })} aria-label={t('next')}>
        ▶
      </button>
      {paused && resumeAt !== null && <Countdown until={resumeAt} lang={lang} />}
    </div>
  );
}

/** Its own 1 Hz clock, mounted only while paused. */
function Countdown({ until, lang }: { until: number; lang: Lang }) {
  const now = useNow(1000);
  return (
    <p className="tour-paused" data-testid="tour-paused" role="status">
      {wallText(lang, 'tourPaused', { seconds: Math.max(0, Math.ceil((until - now) / 1000)) })}
    </p>
  );
}
