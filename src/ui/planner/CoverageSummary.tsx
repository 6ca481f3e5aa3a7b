import { memo } from 'react';
import type { CoverageReport } from '../../analysis/analyse-pack.ts';
import type { Lang } from '../../data/localized.ts';
import type { RegionPack } from '../../data/region-pack.ts';
import { formatNumber } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { formatArea, formatShare, levelNames, serviceKindLabel, townNames } from './planner-model.ts';

interface CoverageSummaryProps {
  report: CoverageReport;
  pack: RegionPack;
  lang: Lang;
}

/** The report's figures: grid coverage per level and per town, service reach, partnership, activity. */
export const CoverageSummary = memo(function CoverageSummary({ report, pack, lang }: CoverageSummaryProps) {
  const t = useT();
  const levels = levelNames(pack, lang);
  const towns = townNames(pack, report, lang);
  const n = (v: number) => formatNumber(lang, v);
  const levelName = (id: string) => levels.get(id) ?? id;
  const { service, partnership, activity } = report;

  return (
    <>
      <section className="panel-section" data-testid="coverage-levels">
        <h3>{t('gridCoverage')}</h3>
        <table className="figures">
          <thead>
            <tr>
              <th scope="col">{t('colLevel')}</th>
              <th scope="col">{t('colCovered')}</th>
              <th scope="col">{t('colUncovered')}</th>
              <th scope="col">{t('colGaps')}</th>
            </tr>
          </thead>
          <tbody>
            {report.spatial.levels.map((row) => (
              <tr key={row.level} data-level={row.level}>
                <th scope="row">{levelName(row.level)}</th>
                <td data-testid={`covered-${row.level}`} title={row.complete ? undefined : t('incomplete')}>
                  {formatShare(row.coveredShare)}
                  {row.complete ? '' : ' *'}
                </td>
                <td>{formatArea(lang, row.uncoveredM2)}</td>
                <td>
                  {n(row.gaps)}
                  {row.overlapM2 > 0 && (
                    <small className="note">
                      {t('colOverlap')} {formatArea(lang, row.overlapM2)}
                    </small>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {report.spatial.towns.length > 0 && (
          <details className="towns">
            <summary>{t('townCoverage')}</summary>
            <table className="figures" data-testid="coverage-towns">
              <thead>
                <tr>
                  <th scope="col">{t('colTown')}</th>
                  {report.spatial.levels.map((l) => (
                    <th scope="col" key={l.level}>
                      {levelName(l.level)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {report.spatial.towns.map((town) => (
                  <tr key={town.town ?? ''}>
                    <th scope="row">{towns.get(town.town ?? '') ?? town.town}</th>
                    {town.levels.map((l) => (
                      <td key={l.level} className={l.coveredShare < 1 ? 'short' : undefined}>
                        {formatShare(l.coveredShare)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </section>

      {service && (
        <section className="panel-section" data-testid="coverage-service">
          <h3>
            {t('serviceReach', {
              kind: serviceKindLabel(lang, service.kind),
              radius: service.radiusM,
            })}
          </h3>
          <dl className="activity-figures">
            <div>
              <dt>{t('reachedShare')}</dt>
              <dd className="big">
                {service.reachedShare === null ? '—' : formatShare(service.reachedShare, 1)}
              </dd>
            </div>
            <div>
              <dt>{t('affectedPopulation')}</dt>
              <dd className="big">
                {service.affectedPopulation === null ? '—' : n(service.affectedPopulation)}
              </dd>
            </div>
          </dl>
          <p className="muted">
            {t('servicePoints')} {n(service.services)} ·{' '}
            {t('cellsUnreached', {
              cells: service.cells,
              level: levelName(service.level),
              whole: service.cellsWhollyUnreached,
              part: service.cellsPartlyUnreached,
            })}
          </p>
        </section>
      )}

      {partnership && (
        <section className="panel-section">
          <h3>{t('partnership')}</h3>
          <ul className="plain">
            {partnership.levels.map((l) => (
              <li key={l.level}>
                {levelName(l.level)} · {n(l.withoutPartner)} / {n(l.cells)} {t('withoutPartner')}
              </li>
            ))}
          </ul>
        </section>
      )}

      {activity && (
        <section className="panel-section">
          <h3>{t('activityCoverage')}</h3>
          <p className="muted">
            {t('cellsWithoutActivity', {
              cells: activity.cells,
              level: levelName(activity.level),
              count: activity.cellsWithout,
              never: activity.cellsNever,
            })}
          </p>
        </section>
      )}
    </>
  );
});
