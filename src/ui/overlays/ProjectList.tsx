import { useId, useState } from 'react';
import type { ProjectRow } from '../../app/overlay-model.ts';
import { useT } from '../../i18n/use-t.ts';
import { ProgressBar, StatusChip, useDay } from './ProjectBits.tsx';

interface ProjectListProps {
  rows: readonly ProjectRow[];
  /** Projects in the pack, to say how many the filters leave. */
  total: number;
  onChoose: (id: string) => void;
}

/** The projects under the current filters, delayed first, then by due date; each opens its card. */
export function ProjectList({ rows, total, onChoose }: ProjectListProps) {
  const t = useT();
  const day = useDay();
  const headingId = useId();
  const [open, setOpen] = useState(true);
  return (
    <aside
      className={`panel project-list${open ? '' : ' folded'}`}
      aria-labelledby={headingId}
      data-testid="project-list"
    >
      <header className="card-head">
        <h2 id={headingId}>
          {t('projectList')} <span className="count">{t('shownOf', { shown: rows.length, total })}</span>
        </h2>
        <div className="panel-actions">
          <button
            type="button"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-label={open ? t('collapse') : t('expand')}
            title={open ? t('collapse') : t('expand')}
          >
            {open ? '−' : '+'}
          </button>
        </div>
      </header>
      {open && (
        <>
          <p className="muted list-note">{t('projectListNote')}</p>
          {rows.length === 0 ? (
            <p className="muted">{t('projectListEmpty')}</p>
          ) : (
            <ol className="project-rows">
              {rows.map((r) => (
                <li
                  key={r.id}
                  className="project-item"
                  data-id={r.id}
                  data-status={r.status}
                  data-due={r.due ?? ''}
                >
                  <button type="button" className="project-row" onClick={() => onChoose(r.id)}>
                    <span className="project-name">{r.name}</span>
                    <StatusChip status={r.status} />
                    <ProgressBar value={r.progress} status={r.status} />
                    <span className="muted project-meta">
                      {r.domainName} · {r.due ? t('due', { date: day(r.due) }) : t('notSet')}
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </aside>
  );
}
