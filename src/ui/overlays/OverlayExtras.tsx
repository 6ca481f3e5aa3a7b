import { useT } from '../../i18n/use-t.ts';
import type { ProjectColourBy } from '../../layers/overlay-style.ts';

/** How project shapes are coloured: by status (the default) or by domain. */
export function ProjectColourSwitch({
  colour,
  onColour,
}: {
  colour: ProjectColourBy;
  onColour: (by: ProjectColourBy) => void;
}) {
  const t = useT();
  return (
    <fieldset className="toggle colour-by">
      <legend>{t('colourBy')}</legend>
      {(['status', 'domain'] as const).map((by) => (
        <button key={by} type="button" aria-pressed={colour === by} onClick={() => onColour(by)}>
          {t(by === 'status' ? 'colourByStatus' : 'colourByDomain')}
        </button>
      ))}
    </fieldset>
  );
}

/** What a cluster ring means (its segments are the kinds in the legend below). */
export function ClusterNote() {
  const t = useT();
  return <p className="legend-note">{t('clusterNote')}</p>;
}
