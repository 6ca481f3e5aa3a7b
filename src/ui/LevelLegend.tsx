import { pickName } from '../data/localized.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { formatNumber } from '../i18n/strings.ts';
import { useT } from '../i18n/use-t.ts';
import { lineStyle } from '../layers/theme.ts';
import { useAppState } from '../state/store-context.tsx';

/** The grid levels with their cell counts, taken from the data (never from code). */
export function LevelLegend({ pack }: { pack: RegionPack }) {
  const t = useT();
  const lang = useAppState((s) => s.lang);
  return (
    <section className="legend" aria-label={t('levelLegend')}>
      <h2>{t('levelLegend')}</h2>
      <ul>
        {pack.manifest.levels.map((level, depth) => {
          const line = lineStyle(depth);
          const count = pack.grid.byDepth[depth]?.length ?? 0;
          return (
            <li key={level.id} data-level={level.id}>
              <span
                className="swatch"
                style={{ borderTop: `${Math.max(1, line.width * 1.5)}px solid ${line.color}` }}
              />
              <span className="name">{pickName(level.name, lang)}</span>
              <span className="count" data-testid={`level-count-${level.id}`}>
                {formatNumber(lang, count)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
