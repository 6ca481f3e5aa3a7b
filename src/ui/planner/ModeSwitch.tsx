import { useT } from '../../i18n/use-t.ts';
import { useAppState } from '../../state/store-context.tsx';

/** The top bar's switch between the dashboard and the planner's coverage analysis (`?mode=coverage`). */
export function ModeSwitch() {
  const t = useT();
  const mode = useAppState((s) => s.mode);
  const setMode = useAppState((s) => s.setMode);
  const on = mode === 'coverage';
  return (
    <button
      type="button"
      className="mode-switch"
      aria-pressed={on}
      data-testid="mode-coverage"
      onClick={() => setMode(on ? 'explore' : 'coverage')}
    >
      {t('modeCoverage')}
    </button>
  );
}
