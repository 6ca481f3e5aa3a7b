import { useT } from '../../i18n/use-t.ts';
import { activeOverlays, OVERLAY_IDS } from '../../layers/overlays.ts';
import { useAppState } from '../../state/store-context.tsx';

/**
 * A stand-in switch for the activity overlay until the layer control arrives: it edits the store's
 * `layers` exactly as the layer control will (the other overlays stay as they are).
 */
export function ActivityToggle() {
  const t = useT();
  const layers = useAppState((s) => s.layers);
  const setLayers = useAppState((s) => s.setLayers);
  const active = activeOverlays(layers);
  const on = active.has('activity');
  const toggle = () => {
    const next = new Set(active);
    if (on) next.delete('activity');
    else next.add('activity');
    setLayers(OVERLAY_IDS.filter((id) => next.has(id)));
  };
  return (
    <button
      type="button"
      className="overlay-switch"
      aria-pressed={on}
      onClick={toggle}
      data-testid="toggle-activity"
    >
      <span className="overlay-switch-track" aria-hidden="true" />
      {t('activityToggle')}
    </button>
  );
}
