import { useId } from 'react';
import type { PartnerCardModel } from '../../app/overlay-model.ts';
import type { Lang } from '../../data/localized.ts';
import { formatNumber, type StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { PARTNER_KIND_STYLE } from '../../layers/partner-layers.ts';
import { CardHeader } from './CardHeader.tsx';
import { CellLinks } from './CellLinks.tsx';
import { ProgressBar, StatusChip } from './ProjectBits.tsx';
import { Swatch } from './Swatch.tsx';

interface PartnerCardProps {
  model: PartnerCardModel;
  lang: Lang;
  onCell: (id: string) => void;
  onProject: (id: string) => void;
  onClose: () => void;
}

/** A partner unit: kind, committee, the cells it is paired with (lines on the map), projects it leads. */
export function PartnerCard({ model, lang, onCell, onProject, onClose }: PartnerCardProps) {
  const t = useT();
  const headingId = useId();
  const kind = PARTNER_KIND_STYLE[model.kind];
  return (
    <aside className="panel overlay-card" aria-labelledby={headingId} data-testid="partner-card">
      <CardHeader label={t('partnerCardLabel')} title={model.name} headingId={headingId} onClose={onClose} />
      <dl className="facts">
        <dt>{t('unitKind')}</dt>
        <dd className="with-swatch">
          <Swatch
            swatch={{
              shape: 'symbol',
              symbol: kind.shape,
              colour: model.committee.colour,
              glyph: kind.glyph[lang],
            }}
          />
          {t(`kind_${model.kind}` as StringKey)}
        </dd>
        <dt>{t('committee')}</dt>
        <dd className="with-swatch">
          <Swatch swatch={{ shape: 'circle', colour: model.committee.colour }} />
          {model.committee.name}
        </dd>
        {model.locatedIn && (
          <>
            <dt>{t('locatedIn')}</dt>
            <dd>
              <button
                type="button"
                className="link"
                onClick={() => model.locatedIn && onCell(model.locatedIn.id)}
              >
                {model.locatedIn.name}
              </button>
            </dd>
          </>
        )}
      </dl>
      <section className="panel-section">
        <h3>
          {t('pairedCells')} <span className="count">{formatNumber(lang, model.pairedCells.length)}</span>
        </h3>
        {model.pairedCells.length === 0 ? (
          <p className="muted">{t('pairedNone')}</p>
        ) : (
          <CellLinks cells={model.pairedCells} onCell={onCell} testId="paired-cells" />
        )}
      </section>
      <section className="panel-section">
        <h3>
          {t('ownedProjects')} <span className="count">{formatNumber(lang, model.projects.length)}</span>
        </h3>
        {model.projects.length === 0 ? (
          <p className="muted">{t('ownedNone')}</p>
        ) : (
          <ul className="project-rows" data-testid="owned-projects">
            {model.projects.map((p) => (
              <li key={p.id} className="project-item">
                <button type="button" className="project-row" onClick={() => onProject(p.id)}>
                  <span className="project-name">{p.name}</span>
                  <StatusChip status={p.status} />
                  <ProgressBar value={p.progress} status={p.status} />
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </aside>
  );
}
