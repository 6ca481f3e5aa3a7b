import { useT } from '../../i18n/use-t.ts';
import { useAppState } from '../../state/store-context.tsx';

/** The top bar's entry to the programme panel (committees, indicators, meetings). */
export function ProgrammeButton({ open }: { open: boolean }) {
  const t = useT();
  const show = useAppState((s) => s.showProgramme);
  const mode = useAppState((s) => s.mode);
  const setMode = useAppState((s) => s.setMode);
  return (
    <button
      type="button"
      className="mode-switch programme-switch"
      aria-pressed={open}
      title={t(open ? 'programmeClose' : 'programmeOpen')}
      data-testid="programme-toggle"
      onClick={() => {
        // The panel takes the right-hand side, where the planner's panel would be.
        if (!open && mode === 'coverage') setMode('explore');
        show(open ? null : { tab: 'indicators', id: null });
      }}
    >
      {t('programme')}
    </button>
  );
}
