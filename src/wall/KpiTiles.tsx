import type { ReactNode } from 'react';
import type { CoverageReport } from '../analysis/analyse-pack.ts';
import type { Lang } from '../data/localized.ts';
import { formatDate, formatNumber, translate } from '../i18n/strings.ts';
import { formatShare, wallText } from '../i18n/wall-strings.ts';
import { type ActivityBasis, shanghaiDayStart } from './activity-basis.ts';
import type { DistrictKpis } from './kpis.ts';
import { ShareBars, Sparkline } from './Sparkline.tsx';
import { type Sample, series } from './session-trend.ts';

interface TileProps {
  id: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
  trend?: ReactNode;
  note?: ReactNode;
}

export function Tile({ id, title, wide, children, trend, note }: TileProps) {
  return (
    <section className={`tile${wide ? ' tile-wide' : ''}`} data-testid={`tile-${id}`} aria-label={title}>
      <h2 className="tile-title">{title}</h2>
      <div className="tile-figures">{children}</div>
      {trend && <div className="tile-trend">{trend}</div>}
      {note && <p className="tile-note">{note}</p>}
    </section>
  );
}

interface FigureProps {
  id: string;
  value: number | null;
  label: string;
  /** Text instead of a number (e.g. "computing…"); the figure is then secondary. */
  text?: string;
  tone?: 'alert' | 'good' | 'warn';
  lang: Lang;
}

/** One primary number with its caption; `data-value` carries the raw value for tests and tooling. */
export function Figure({ id, value, label, text, tone, lang }: FigureProps) {
  const shown = text ?? (value === null ? '—' : formatNumber(lang, value));
  return (
    <div className={`figure${tone ? ` tone-${tone}` : ''}`}>
      <span className="num" data-testid={`kpi-${id}`} data-value={value ?? ''}>
        {shown}
      </span>
      <span className="figure-label">{label}</span>
    </div>
  );
}

/** What "today" is on these tiles, said in words (the pack's date when there is no live feed). */
export function basisNote(basis: ActivityBasis, lang: Lang): string {
  if (basis.kind === 'none') return wallText(lang, 'basisNone');
  const date = formatDate(lang, shanghaiDayStart(basis.day) + 12 * 3_600_000);
  const main = wallText(lang, basis.kind === 'live' ? 'basisLive' : 'basisPack', { date });
  if (basis.kind === 'live' && basis.completeFrom !== null) {
    const time = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(basis.completeFrom);
    return `${main}；${wallText(lang, 'completeFrom', { time })}`;
  }
  return main;
}

interface KpiTilesProps {
  kpis: DistrictKpis;
  basis: ActivityBasis;
  report: CoverageReport | null;
  coverageError: string | null;
  samples: readonly Sample[];
  lang: Lang;
}

/** The district's tiles. Every number comes from kpis.ts; this only lays them out. */
export function KpiTiles({ kpis, basis, report, coverageError, samples, lang }: KpiTilesProps) {
  const t = (key: Parameters<typeof wallText>[1], params?: Record<string, string | number>) =>
    wallText(lang, key, params);
  const finest = kpis.levels[kpis.levels.length - 1];
  const towns = report?.spatial.towns ?? [];
  const session = (key: string) => series(samples, key);
  const a = kpis.activity;
  const level = kpis.level;
  return (
    <div
      className="tiles"
      data-testid="kpi-tiles"
      data-basis={basis.kind}
      data-day={basis.kind === 'none' ? '' : basis.day}
    >
      <Tile
        id="grid"
        title={t('tileGrid')}
        wide
        trend={
          towns.length > 0 && finest ? (
            <ShareBars
              values={towns.map((row) => ({
                key: row.town ?? '',
                value: row.levels[row.levels.length - 1]?.uncoveredM2 ?? 0,
              }))}
            />
          ) : undefined
        }
        note={
          coverageError
            ? t('coverageError', { message: coverageError })
            : towns.length > 0 && finest
              ? t('byTown', { level: finest.name })
              : undefined
        }
      >
        <table className="level-table">
          <thead>
            <tr>
              <th>{t('colLevel')}</th>
              <th>{t('colCells')}</th>
              <th>{t('colCoverage')}</th>
            </tr>
          </thead>
          <tbody>
            {kpis.levels.map((l) => (
              <tr key={l.level}>
                <th scope="row">{l.name}</th>
                <td>
                  <span className="num" data-testid={`kpi-cells-${l.level}`} data-value={l.cells}>
                    {formatNumber(lang, l.cells)}
                  </span>
                </td>
                <td>
                  {l.coveredShare === null ? (
                    <span className="pending" data-testid={`kpi-coverage-${l.level}`} data-value="">
                      {coverageError ? '—' : t('computing')}
                    </span>
                  ) : (
                    <span
                      className={`num${l.complete ? '' : ' tone-warn'}`}
                      data-testid={`kpi-coverage-${l.level}`}
                      data-value={l.coveredShare}
                      title={l.complete ? undefined : t('coverageIncomplete')}
                    >
                      {formatShare(lang, l.coveredShare)}
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Tile>

      <Tile
        id="projects"
        title={t('tileProjects')}
        wide
        trend={samples.length > 1 ? <Sparkline values={session('delayed')} /> : undefined}
        note={`${t('projDone', { count: kpis.projects.done })}${samples.length > 1 ? ` · ${t('trendOf', { what: t('projDelayed') })}` : ''}`}
      >
        <Figure id="projects-active" value={kpis.projects.active} label={t('projActive')} lang={lang} />
        <Figure
          id="projects-ontrack"
          value={kpis.projects.onTrack}
          label={t('projOnTrack')}
          tone="good"
          lang={lang}
        />
        <Figure
          id="projects-delayed"
          value={kpis.projects.delayed}
          label={t('projDelayed')}
          tone={kpis.projects.delayed > 0 ? 'warn' : undefined}
          lang={lang}
        />
      </Tile>

      <Tile
        id="volunteers"
        title={t('tileVolunteers')}
        trend={a ? <Sparkline kind="bars" values={a.daily.map((d) => d.volunteers)} /> : undefined}
        note={basisNote(basis, lang)}
      >
        <Figure id="volunteers-today" value={a?.today.volunteers ?? null} label={t('today')} lang={lang} />
        <Figure id="volunteers-week" value={a?.week.volunteers ?? null} label={t('week')} lang={lang} />
      </Tile>

      <Tile
        id="events"
        title={t('tileEvents')}
        trend={a ? <Sparkline kind="bars" values={a.daily.map((d) => d.events)} /> : undefined}
        note={t('daily')}
      >
        <Figure id="events-today" value={a?.today.events ?? null} label={t('today')} lang={lang} />
        <Figure id="events-week" value={a?.week.events ?? null} label={t('week')} lang={lang} />
      </Tile>

      <Tile
        id="alerts"
        title={t('tileAlerts')}
        trend={samples.length > 1 ? <Sparkline values={session('alerts')} /> : undefined}
        note={kpis.alerts ? t('sessionTrend') : t('noLive')}
      >
        <Figure
          id="alerts-open"
          value={kpis.alerts?.open ?? null}
          label={kpis.alerts ? t('alertsCells', { count: kpis.alerts.cells }) : t('noLive')}
          tone={kpis.alerts && kpis.alerts.open > 0 ? 'alert' : undefined}
          lang={lang}
        />
        <Figure
          id="alerts-critical"
          value={kpis.alerts?.critical ?? null}
          label={wallText(lang, 'sev_critical')}
          tone={kpis.alerts && kpis.alerts.critical > 0 ? 'alert' : undefined}
          lang={lang}
        />
      </Tile>

      <Tile
        id="level"
        title={t('tileLevel')}
        trend={samples.length > 1 ? <LevelHistory samples={samples} /> : undefined}
        note={level ? t('sessionTrend') : t('noLive')}
      >
        <div className={`figure level-figure level-${level ?? 'unknown'}`}>
          <span className="num" data-testid="kpi-level" data-value={level ?? ''}>
            {level ? translate(lang, `level_${level}`) : '—'}
          </span>
        </div>
      </Tile>

      <Tile
        id="partners"
        title={t('tilePartners')}
        trend={<ShareBars values={kpis.partnersByCommittee.map((s) => ({ key: s.id, value: s.count }))} />}
        note={`${t('byCommittee')}：${kpis.partnersByCommittee
          .map((s) => `${s.name || t('otherCommittee')} ${formatNumber(lang, s.count)}`)
          .join(' · ')}`}
      >
        <Figure id="partners" value={kpis.partners} label="" lang={lang} />
      </Tile>

      <Tile
        id="duty"
        title={t('tileOnDuty')}
        trend={samples.length > 1 ? <Sparkline values={session('staff')} /> : undefined}
        note={kpis.onDuty ? t('trendOf', { what: t('staff') }) : t('noLive')}
      >
        <Figure id="duty-staff" value={kpis.onDuty?.staff ?? null} label={t('staff')} lang={lang} />
        <Figure
          id="duty-volunteers"
          value={kpis.onDuty?.volunteers ?? null}
          label={t('dutyVolunteers')}
          lang={lang}
        />
      </Tile>
    </div>
  );
}

const LEVEL_RANK = { normal: 0, urgent: 1, emergency: 2 } as const;

/** The response level over the session, one bar per feed generation, coloured by level. */
function LevelHistory({ samples }: { samples: readonly Sample[] }) {
  const w = 100 / Math.max(1, samples.length);
  return (
    <svg className="spark" viewBox="0 0 100 30" preserveAspectRatio="none" aria-hidden="true">
      {samples.map((s, i) => {
        const rank = s.values.level ?? 0;
        const name = (Object.keys(LEVEL_RANK) as (keyof typeof LEVEL_RANK)[])[rank] ?? 'normal';
        const h = 10 + rank * 10;
        return <rect key={s.at} className={`lvl-${name}`} x={i * w} width={w * 0.9} y={30 - h} height={h} />;
      })}
    </svg>
  );
}

export { LEVEL_RANK };
