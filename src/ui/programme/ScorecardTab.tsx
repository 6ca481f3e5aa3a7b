import { Fragment, useEffect, useRef } from 'react';
import type { ScorecardGroup, ScoredIndicator } from '../../analysis/indicators.ts';
import { describeCompute } from '../../app/programme-model.ts';
import { type Lang, pickName } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { formatDate } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { Sparkline } from './Sparkline.tsx';

interface ScorecardTabProps {
  groups: ScorecardGroup[];
  pack: RegionPack;
  lang: Lang;
  asOf: string | null;
  selected: string | null;
  onSelect: (id: string | null) => void;
}

const FORMATS: Record<
  Lang,
  { whole: Intl.NumberFormat; tenth: Intl.NumberFormat; hundredth: Intl.NumberFormat }
> = {
  zh: {
    whole: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 }),
    tenth: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }),
    hundredth: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }),
  },
  en: {
    whole: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
    tenth: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
    hundredth: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
  },
};

/** Shares to a tenth of a percent, large figures to a tenth, small ones to a hundredth (2.81 万人). */
export function formatIndicatorValue(lang: Lang, value: number, unit: ScoredIndicator['unit']): string {
  const f = FORMATS[lang];
  const percent = unit?.zh === '%';
  const number = Number.isInteger(value)
    ? f.whole.format(value)
    : percent || Math.abs(value) >= 100
      ? f.tenth.format(value)
      : f.hundredth.format(value);
  const word = unit ? (lang === 'en' ? (unit.en ?? unit.zh) : unit.zh) : '';
  if (!word) return number;
  return percent ? `${number}%` : lang === 'en' ? `${number} ${word}` : `${number}${word}`;
}

/** The programme's target indicators by category: target, actual, trend and status, and where each value comes from. */
export function ScorecardTab({ groups, pack, lang, asOf, selected, onSelect }: ScorecardTabProps) {
  const t = useT();
  const chosenRef = useRef<HTMLTableRowElement>(null);
  // An indicator opened from a link (?indicator=) is scrolled into view.
  useEffect(() => {
    if (selected) chosenRef.current?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }, [selected]);
  const total = { met: 0, near: 0, behind: 0 };
  for (const g of groups) for (const k of ['met', 'near', 'behind'] as const) total[k] += g.counts[k];
  const fmt = (i: ScoredIndicator, v: number) => formatIndicatorValue(lang, v, i.unit);

  const trend = (i: ScoredIndicator) => {
    if (i.change === null) return { arrow: '–', text: t('trendNone'), tone: 'flat' };
    const magnitude = fmt(i, Math.abs(i.change));
    if (i.change === 0) return { arrow: '→', text: t('trendFlat'), tone: 'flat' };
    const good = i.change > 0 === (i.better === 'higher');
    return i.change > 0
      ? { arrow: '▲', text: t('trendUp', { change: magnitude }), tone: good ? 'good' : 'bad' }
      : { arrow: '▼', text: t('trendDown', { change: magnitude }), tone: good ? 'good' : 'bad' };
  };

  return (
    <div className="scorecard" data-testid="scorecard">
      <p className="scorecard-summary">
        {asOf && (
          <span className="muted">
            {t('scorecardAsOf', { date: formatDate(lang, Date.parse(`${asOf}T00:00:00+08:00`)) })} ·{' '}
          </span>
        )}
        <span data-testid="scorecard-summary">{t('scorecardSummary', total)}</span>
      </p>
      {groups.map((g) => (
        <section
          key={g.category.id}
          className="panel-section"
          data-testid={`scorecard-group-${g.category.id}`}
        >
          <h3 className="scorecard-category">
            {pickName(g.category.name, lang)}
            <span className="muted"> {t('scorecardSummary', g.counts)}</span>
          </h3>
          <table className="scorecard-table">
            <thead>
              <tr>
                <th scope="col">{t('colIndicator')}</th>
                <th scope="col">{t('colTarget')}</th>
                <th scope="col">{t('colActual')}</th>
                <th scope="col">{t('colTrend')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {g.indicators.map((i) => {
                const open = selected === i.id;
                const tr = trend(i);
                const origin =
                  i.origin.kind === 'computed'
                    ? t('originComputed')
                    : t('originReportedSource', { source: i.origin.source });
                return (
                  <Fragment key={i.id}>
                    <tr
                      ref={open ? chosenRef : undefined}
                      className={`indicator status-${i.status}`}
                      data-testid={`indicator-${i.id}`}
                      data-origin={i.origin.kind}
                      data-status={i.status}
                    >
                      <th scope="row">
                        <button
                          type="button"
                          className="link indicator-name"
                          aria-expanded={open}
                          onClick={() => onSelect(open ? null : i.id)}
                        >
                          {pickName(i.name, lang)}
                        </button>{' '}
                        <span
                          className={`origin origin-${i.origin.kind}`}
                          title={origin}
                          data-testid={`indicator-origin-${i.id}`}
                        >
                          {t(i.origin.kind === 'computed' ? 'originComputedShort' : 'originReportedShort')}
                        </span>
                        {i.generated && (
                          <span className="generated-mark" title={t('indicatorGenerated')}>
                            <span aria-hidden="true">*</span>
                            <span className="visually-hidden">{t('indicatorGenerated')}</span>
                          </span>
                        )}
                      </th>
                      <td className="target">{fmt(i, i.target)}</td>
                      <td className="actual" data-testid={`indicator-actual-${i.id}`}>
                        {fmt(i, i.actual)}
                      </td>
                      <td className="trend">
                        <Sparkline
                          values={i.series.map((s) => s.value)}
                          target={i.target}
                          label={i.series
                            .map((s) => `${s.period ?? ''} ${fmt(i, s.value)}`.trim())
                            .join(', ')}
                        />
                        <span className={`arrow ${tr.tone}`} title={tr.text}>
                          <span aria-hidden="true">{tr.arrow}</span>
                          <span className="visually-hidden">{tr.text}</span>
                        </span>
                      </td>
                      <td>
                        <span className={`indicator-status ${i.status}`}>
                          {t(`indicatorStatus_${i.status}`)}
                        </span>
                      </td>
                    </tr>
                    {open && (
                      <tr className="indicator-detail">
                        <td
                          colSpan={5}
                          className="indicator-detail-cell"
                          data-testid={`indicator-detail-${i.id}`}
                        >
                          <p>
                            <strong>{origin}</strong>
                            {i.origin.kind === 'computed' && (
                              <>
                                {' · '}
                                {t('computedBy', { how: describeCompute(pack, i.origin.compute, lang) })}
                              </>
                            )}
                          </p>
                          {i.period && <p className="muted">{t('indicatorPeriod', { period: i.period })}</p>}
                          {i.series.length > 1 && (
                            <p className="muted">
                              {t('indicatorHistory')}
                              {t('colon')}
                              {i.series
                                .slice(0, -1)
                                .map((s) => `${s.period ? `${s.period} ` : ''}${fmt(i, s.value)}`)
                                .join(' · ')}
                            </p>
                          )}
                          {i.statusReported && <p className="muted">{t('statusReported')}</p>}
                          {i.note && <p className="muted">{pickName(i.note, lang)}</p>}
                          {i.generated && <p className="muted">* {t('indicatorGenerated')}</p>}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
