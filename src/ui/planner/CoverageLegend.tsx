import { useT } from '../../i18n/use-t.ts';
import { SHADING, type ShadingMeasure, shadingLegend } from '../../layers/coverage-layers.ts';

/** The shading's legend, generated from the same definitions as the map layer (SHADING). */
export function CoverageLegend({ measure }: { measure: ShadingMeasure }) {
  const t = useT();
  const def = SHADING[measure];
  return (
    <section className="legend coverage-legend" aria-label={t(def.title)} data-testid="coverage-legend">
      <h2>{t(def.title)}</h2>
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
