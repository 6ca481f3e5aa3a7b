import type { ReactNode } from 'react';

interface CountedSectionProps {
  title: string;
  count: string;
  open: boolean;
  onToggle: () => void;
  /** Shown when there is nothing to count. */
  empty: string | null;
  testId: string;
  /** The list of what the count counts, shown when open. */
  children: ReactNode;
}

/** A panel section whose count is a button that opens the list of what it counts. */
export function CountedSection({
  title,
  count,
  open,
  onToggle,
  empty,
  testId,
  children,
}: CountedSectionProps) {
  return (
    <section className="panel-section">
      <h3>
        {title}{' '}
        <button
          type="button"
          className="link count"
          aria-expanded={open}
          onClick={onToggle}
          data-testid={testId}
        >
          {count}
        </button>
      </h3>
      {empty && <p className="muted">{empty}</p>}
      {open && <ul className="item-list">{children}</ul>}
    </section>
  );
}
