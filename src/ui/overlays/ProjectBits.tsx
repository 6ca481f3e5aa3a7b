import type { ProjectStatus } from '../../data/feature-schemas.ts';
import { formatDate, type StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { STATUS_COLOUR } from '../../layers/project-layers.ts';
import { useAppState } from '../../state/store-context.tsx';

/** A status chip in the status's map colour (the same table as the layers and the legend). */
export function StatusChip({ status }: { status: ProjectStatus }) {
  const t = useT();
  return (
    <span
      className="status-chip"
      style={{ borderColor: STATUS_COLOUR[status], color: STATUS_COLOUR[status] }}
    >
      <i style={{ background: STATUS_COLOUR[status] }} aria-hidden="true" />
      {t(`status_${status}` as StringKey)}
    </span>
  );
}

/** Progress as a bar and a number; the bar takes the status colour. */
export function ProgressBar({ value, status }: { value: number; status: ProjectStatus }) {
  const t = useT();
  return (
    <span className="progress" role="img" aria-label={`${t('progress')} ${value}%`}>
      <span className="progress-track">
        <span className="progress-fill" style={{ width: `${value}%`, background: STATUS_COLOUR[status] }} />
      </span>
      <span className="progress-value">{value}%</span>
    </span>
  );
}

/** An ISO calendar day as the interface writes dates (Shanghai's calendar). */
export function useDay() {
  const lang = useAppState((s) => s.lang);
  return (day: string) => formatDate(lang, Date.parse(`${day}T00:00:00+08:00`));
}
