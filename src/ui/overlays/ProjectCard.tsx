import { useId } from 'react';
import type { ProjectCardModel } from '../../app/overlay-model.ts';
import type { Lang } from '../../data/localized.ts';
import { formatNumber } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { CardHeader } from './CardHeader.tsx';
import { CellLinks } from './CellLinks.tsx';
import { ProgressBar, StatusChip, useDay } from './ProjectBits.tsx';

interface ProjectCardProps {
  model: ProjectCardModel;
  lang: Lang;
  onCell: (id: string) => void;
  onPartner: (id: string) => void;
  onClose: () => void;
}

/** A project: status and progress, domain, lead unit, dates, the cells it touches. */
export function ProjectCard({ model, lang, onCell, onPartner, onClose }: ProjectCardProps) {
  const t = useT();
  const day = useDay();
  const headingId = useId();
  const { owner } = model;
  return (
    <aside className="panel overlay-card" aria-labelledby={headingId} data-testid="project-card">
      <CardHeader label={t('projectCardLabel')} title={model.name} headingId={headingId} onClose={onClose} />
      <div className="card-status">
        <StatusChip status={model.status} />
        <ProgressBar value={model.progress} status={model.status} />
      </div>
      {model.beyondDistrict && (
        <p className="note-beyond" data-testid="beyond-district">
          {t('beyondDistrict')}
        </p>
      )}
      <dl className="facts">
        <dt>{t('domain')}</dt>
        <dd>{model.domainName}</dd>
        <dt>{t('owner')}</dt>
        <dd data-testid="project-owner">
          {owner === null ? (
            t('ownerUnknown')
          ) : owner.partnerId !== null ? (
            <button type="button" className="link" onClick={() => onPartner(owner.partnerId)}>
              {owner.name}
            </button>
          ) : (
            owner.name
          )}
        </dd>
        <dt>{t('startDate')}</dt>
        <dd>{model.start ? day(model.start) : t('notSet')}</dd>
        <dt>{t('dueDate')}</dt>
        <dd>{model.due ? day(model.due) : t('notSet')}</dd>
      </dl>
      <section className="panel-section">
        <h3>
          {t('projectCells')} <span className="count">{formatNumber(lang, model.cells.length)}</span>
        </h3>
        <CellLinks cells={model.cells} onCell={onCell} testId="project-cells" />
      </section>
    </aside>
  );
}
