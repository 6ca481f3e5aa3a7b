import type { StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/use-t.ts';
import type { DayWindow } from '../state/url.ts';

interface WindowPickerProps {
  window: DayWindow;
  presets: { key: StringKey; window: DayWindow }[];
  onChange: (window: DayWindow) => void;
}

/** Preset windows and a custom from/to (native date inputs: keyboard-friendly, localised by the browser). */
export function WindowPicker({ window, presets, onChange }: WindowPickerProps) {
  const t = useT();
  return (
    <fieldset className="window-picker">
      <legend>{t('activityWindow')}</legend>
      <div className="presets">
        {presets.map((p) => {
          const on = p.window.from === window.from && p.window.to === window.to;
          return (
            <button key={p.key} type="button" aria-pressed={on} onClick={() => onChange(p.window)}>
              {t(p.key)}
            </button>
          );
        })}
      </div>
      <div className="custom">
        <input
          type="date"
          aria-label={t('windowFrom')}
          value={window.from}
          max={window.to}
          onChange={(e) =>
            e.target.value && e.target.value <= window.to && onChange({ from: e.target.value, to: window.to })
          }
        />
        <span aria-hidden="true">–</span>
        <input
          type="date"
          aria-label={t('windowTo')}
          value={window.to}
          min={window.from}
          onChange={(e) =>
            e.target.value &&
            e.target.value >= window.from &&
            onChange({ from: window.from, to: e.target.value })
          }
        />
      </div>
    </fieldset>
  );
}
