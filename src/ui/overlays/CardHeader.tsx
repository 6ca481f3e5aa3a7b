import { useT } from '../../i18n/use-t.ts';

interface CardHeaderProps {
  /** What the card is (already in the interface language). */
  label: string;
  /** Pack text, rendered as text. */
  title: string;
  headingId: string;
  onClose: () => void;
}

/** The head of a partner or project card: what it is, its name, and a close button. */
export function CardHeader({ label, title, headingId, onClose }: CardHeaderProps) {
  const t = useT();
  return (
    <header className="panel-head">
      <span className="panel-level">{label}</span>
      <h2 id={headingId} data-testid="card-title">
        {title}
      </h2>
      <div className="panel-actions">
        <button type="button" onClick={onClose} aria-label={t('close')} title={t('close')}>
          ×
        </button>
      </div>
    </header>
  );
}
