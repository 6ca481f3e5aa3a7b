import type { CSSProperties } from 'react';
import { formatNumber } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import {
  ACTIVITY_MEASURES,
  ACTIVITY_VIEWS,
  type ActivityMeasure,
  measureLabel,
} from '../../layers/activity-layers.ts';
import type { LegendSwatch, OverlayLegend } from '../../layers/overlays.ts';
import { useAppState } from '../../state/store-context.tsx';

interface ActivityLegendProps {
  legend: OverlayLegend;
  /** Every kind of the pack, in legend order; the filter's "all". */
  kinds: readonly string[];
}

function swatchStyle(s: LegendSwatch): CSSProperties {
  if (s.shape === 'ramp') return { background: `linear-gradient(to right, ${s.colours.join(', ')})` };
  return { background: s.colour, ...('outline' in s && s.outline ? { borderColor: s.outline } : {}) };
}

const KIND_PREFIX = 'kind:';

/**
 * The activity overlay's legend as `activityLegend` generates it (the same tables as the layers), with
 * its own controls: heat or cells, the measure, and the kinds (each row toggles its kind). The layer
 * control may render the same OverlayLegend elsewhere; the controls then move with it.
 */
export function ActivityLegend({ legend, kinds }: ActivityLegendProps) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const selected = useAppState((s) => s.activityKinds);
  const onSelect = useAppState((s) => s.setActivityKinds);
  const view = useAppState((s) => s.activityView);
  const onView = useAppState((s) => s.setActivityView);
  const measure = useAppState((s) => s.activityMeasure);
  const onMeasure = useAppState((s) => s.setActivityMeasure);
  const toggleKind = (kind: string) => {
    const current = selected ?? kinds;
    const next = current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind];
    // Every kind again is "no filter"; the order stays the legend's.
    onSelect(next.length === kinds.length ? null : kinds.filter((k) => next.includes(k)));
  };
  const scale = legend.entries.filter((e) => !e.key.startsWith(KIND_PREFIX));
  const kindRows = legend.entries.filter((e) => e.key.startsWith(KIND_PREFIX));
  return (
    <section className="legend activity-legend" aria-label={legend.title} data-testid="activity-legend">
      <h2>{legend.title}</h2>
      <div className="activity-controls">
        <fieldset className="toggle">
          <legend className="visually-hidden">{t('activityView')}</legend>
          {ACTIVITY_VIEWS.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={view === v}
              onClick={() => onView(v)}
              data-testid={`activity-view-${v}`}
            >
              {t(`view_${v}`)}
            </button>
          ))}
        </fieldset>
        <label className="field">
          <span>{t('activityMeasure')}</span>
          <select
            value={measure}
            onChange={(e) => onMeasure(e.target.value as ActivityMeasure)}
            data-testid="activity-measure"
          >
            {ACTIVITY_MEASURES.map((m) => (
              <option key={m} value={m}>
                {measureLabel(lang, m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {view === 'cells' && (
        <p className="legend-note">{t('activityCellsNote', { measure: measureLabel(lang, measure) })}</p>
      )}
      <ul data-testid="activity-scale">
        {scale.map((e) => (
          <li key={e.key} data-key={e.key} data-count={e.count}>
            <span className={`swatch swatch-${e.swatch.shape}`} style={swatchStyle(e.swatch)} />
            <span className="name">{e.label}</span>
            {e.count !== undefined && <span className="count">{formatNumber(lang, e.count)}</span>}
          </li>
        ))}
      </ul>
      <div className="activity-kinds-head">
        <h3>{t('activityKinds')}</h3>
        {selected !== null && (
          <button type="button" className="link" onClick={() => onSelect(null)} data-testid="kinds-all">
            {t('kindsAll')}
          </button>
        )}
      </div>
      <ul className="kind-rows" aria-label={t('activityKindsHint')}>
        {kindRows.map((e) => {
          const kind = e.key.slice(KIND_PREFIX.length);
          const on = selected === null || selected.includes(kind);
          return (
            <li key={e.key}>
              <button
                type="button"
                className="kind-row"
                aria-pressed={on}
                onClick={() => toggleKind(kind)}
                data-kind={kind}
                data-count={e.count}
                data-testid="activity-kind"
              >
                <span className={`swatch swatch-${e.swatch.shape}`} style={swatchStyle(e.swatch)} />
                <span className="name">{e.label}</span>
                <span className="count">{formatNumber(lang, e.count ?? 0)}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
