import { memo, useId, useState } from 'react';
import type { CoverageReport } from '../../analysis/analyse-pack.ts';
import type { Finding, RankBy } from '../../analysis/finding.ts';
import type { Lang } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { formatNumber } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import {
  type FindingFilters,
  findingDetails,
  findingKey,
  findingSubject,
  type KindFilter,
  kindCounts,
  kindLabelKey,
  levelNames,
  severityLabelKey,
  townNames,
} from './planner-model.ts';

/** Rows rendered at first and per "show more": thousands of buttons at once would stall the page. */
const PAGE = 100;

interface FindingListProps {
  report: CoverageReport;
  pack: RegionPack;
  lang: Lang;
  /** Filtered and ranked: what the list shows and the exports write. */
  findings: readonly Finding[];
  filters: FindingFilters;
  onFilters: (filters: FindingFilters) => void;
  rankBy: RankBy;
  onRankBy: (rankBy: RankBy) => void;
  selectedKey: string | null;
  onSelect: (finding: Finding) => void;
}

/** Filters by kind, level and town, a ranking toggle, and the findings as buttons that fly to them. */
export const FindingList = memo(function FindingList(props: FindingListProps) {
  const { report, pack, lang, findings, filters, onFilters, rankBy, onRankBy, selectedKey, onSelect } = props;
  const t = useT();
  const id = useId();
  const [limit, setLimit] = useState(PAGE);
  const levels = levelNames(pack, lang);
  const towns = townNames(pack, report, lang);
  const townIds = [
    ...report.spatial.towns.flatMap((tw) => (tw.town === null ? [] : [tw.town])),
    ...(report.findings.some((f) => f.town === undefined) ? [''] : []),
  ];
  const set = (patch: Partial<FindingFilters>) => {
    setLimit(PAGE);
    onFilters({ ...filters, ...patch });
  };
  const shown = findings.slice(0, limit);

  return (
    <section className="panel-section findings" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('findings')}</h3>
      <div className="filters">
        <label>
          <span>{t('filterKind')}</span>
          <select
            data-testid="filter-kind"
            value={filters.kind}
            onChange={(e) => set({ kind: e.target.value as KindFilter })}
          >
            <option value="all">
              {t('filterAll')} ({formatNumber(lang, report.findings.length)})
            </option>
            <option value="grid">{t('filterGrid')}</option>
            {kindCounts(report).map(({ kind, count }) => (
              <option key={kind} value={kind}>
                {t(kindLabelKey(kind))} ({formatNumber(lang, count)})
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterLevel')}</span>
          <select
            data-testid="filter-level"
            value={filters.level ?? ''}
            onChange={(e) => set({ level: e.target.value || null })}
          >
            <option value="">{t('filterAll')}</option>
            {[...levels].map(([level, name]) => (
              <option key={level} value={level}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('filterTown')}</span>
          <select
            data-testid="filter-town"
            // '\u0000' stands for "all": '' is the findings without a town.
            value={filters.town ?? '\u0000'}
            onChange={(e) => set({ town: e.target.value === '\u0000' ? null : e.target.value })}
          >
            <option value={'\u0000'}>{t('filterAll')}</option>
            {townIds.map((town) => (
              <option key={town} value={town}>
                {towns.get(town) ?? town}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="toggle" aria-label={t('rankBy')}>
        <legend>{t('rankBy')}</legend>
        {(['area', 'population'] as const).map((by) => (
          <button key={by} type="button" aria-pressed={rankBy === by} onClick={() => onRankBy(by)}>
            {t(by === 'area' ? 'rankArea' : 'rankPopulation')}
          </button>
        ))}
      </fieldset>
      <p className="muted" data-testid="findings-count">
        {t('findingsCount', { shown: findings.length, total: report.findings.length })}
      </p>
      {findings.length === 0 ? (
        <p className="muted">{t('noFindings')}</p>
      ) : (
        <ol className="finding-list" data-testid="finding-list">
          {shown.map((f) => {
            const key = findingKey(f);
            return (
              <li key={key}>
                <button
                  type="button"
                  className={`finding severity-${f.severity}`}
                  aria-pressed={key === selectedKey}
                  data-kind={f.kind}
                  data-level={f.level ?? ''}
                  data-ids={f.ids.join(',')}
                  data-area={Math.round(f.areaM2)}
                  onClick={() => onSelect(f)}
                >
                  <span className="finding-head">
                    <span className={`sev sev-${f.severity}`}>{t(severityLabelKey(f.severity))}</span>
                    <strong>{t(kindLabelKey(f.kind))}</strong>
                    {f.level !== undefined && (
                      <span className="finding-level">{levels.get(f.level) ?? f.level}</span>
                    )}
                  </span>
                  <span className="finding-subject">{findingSubject(f, pack, lang)}</span>
                  <span className="finding-details">
                    {[
                      ...findingDetails(f, lang),
                      ...(f.town !== undefined ? [towns.get(f.town) ?? f.town] : []),
                    ].join(' · ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {findings.length > limit && (
        <button type="button" className="link show-more" onClick={() => setLimit((l) => l + PAGE)}>
          {t('showMore', { count: Math.min(PAGE, findings.length - limit) })}
        </button>
      )}
    </section>
  );
});
