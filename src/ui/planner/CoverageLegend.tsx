import type { CoverageReport } from '../../analysis/analyse-pack.ts';
import { useT } from '../../i18n/use-t.ts';
import { SHADING, type ShadingMeasure, shadingLegend } from '../../layers/coverage-layers.ts';
import { useAppState } from '../../state/store-context.tsx';
import { shadingContext } from './planner-model.ts';

/** The shading's legend, generated from the same definitions as the map layer (SHADING). */
export function CoverageLegend({
  measure,
  report,
}: {
  measure: ShadingMeasure;
  report: CoverageReport | null;
}) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  const def = SHADING[measure];
  const context = shadingContext(measure, report, lang);
  return (
    <section className="legend coverage-legend" aria-label={t(def.title)} data-testid="coverage-legend">
      <h2>{t(def.title)}</h2>
      {context && (
        <p className="legend-context" data-testid="legend-context">
          {context}
        </p>
      )}
      <p className="legend-note">{t(def.note)}</p>
      <ul>
        {shadingLegend(measure).map((row) => (
          <li key={row.label} data-colour={row.colour}>
            <span className="swatch swatch-fill" style={{ background: row.colour }} />
            <span className="name">{t(row.label)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
