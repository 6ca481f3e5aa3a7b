import { useState } from 'react';
import type { CommitteeModel, MemberModel } from '../../app/programme-model.ts';
import type { Lang } from '../../data/localized.ts';
import { formatDate, type StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';
import { COMMITTEE_COLOUR } from '../../layers/programme-layers.ts';

interface CommitteesTabProps {
  committees: CommitteeModel[];
  lang: Lang;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onCell: (cellId: string) => void;
  onMeeting: (meetingId: string) => void;
}

const day = (lang: Lang, iso: string) => formatDate(lang, Date.parse(`${iso}T00:00:00+08:00`));

/** The committees: a list by kind, then one committee's card (members, covered cells, meetings). */
export function CommitteesTab({
  committees,
  lang,
  selected,
  onSelect,
  onCell,
  onMeeting,
}: CommitteesTabProps) {
  const t = useT();
  const chosen = committees.find((c) => c.id === selected);
  const statusText = (c: CommitteeModel) =>
    c.status === 'founded'
      ? c.date
        ? t('committeeFounded', { date: day(lang, c.date) })
        : t('committeeFoundedShort')
      : c.date
        ? t('committeePlannedFor', { date: day(lang, c.date) })
        : t('committeePlanned');

  if (chosen)
    return (
      <CommitteeCard
        c={chosen}
        lang={lang}
        status={statusText(chosen)}
        {...{ onSelect, onCell, onMeeting }}
      />
    );

  const groups = (['professional', 'area'] as const)
    .map((kind) => ({ kind, list: committees.filter((c) => c.kind === kind) }))
    .filter((g) => g.list.length > 0);
  return (
    <div data-testid="committee-list">
      <ul className="map-key" aria-label={t('tab_committees')}>
        <li>
          <span className="key-swatch founded" style={{ borderColor: COMMITTEE_COLOUR.founded }} />
          {t('committeeMapFounded')}
        </li>
        <li>
          <span className="key-swatch planned" style={{ borderColor: COMMITTEE_COLOUR.planned }} />
          {t('committeeMapPlanned')}
        </li>
      </ul>
      {groups.map((g) => (
        <section key={g.kind} className="panel-section">
          <h3>{t(g.kind === 'professional' ? 'committeesProfessional' : 'committeesArea')}</h3>
          <ul className="committee-list">
            {g.list.map((c) => (
              <li key={c.id} className={`committee-row status-${c.status}`}>
                <button
                  type="button"
                  className="link"
                  data-testid={`committee-${c.id}`}
                  onClick={() => onSelect(c.id)}
                >
                  {c.name}
                </button>
                <span className={`committee-status ${c.status}`}>{statusText(c)}</span>
                <span className="muted">
                  {t('committeeMembers', { count: c.members.length })} ·{' '}
                  {c.cells.length > 0
                    ? t('committeeCells', { count: c.cells.length })
                    : t('committeeWholeDistrict')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function CommitteeCard({
  c,
  lang,
  status,
  onSelect,
  onCell,
  onMeeting,
}: {
  c: CommitteeModel;
  lang: Lang;
  status: string;
  onSelect: (id: string | null) => void;
  onCell: (cellId: string) => void;
  onMeeting: (meetingId: string) => void;
}) {
  const t = useT();
  const [openMember, setOpenMember] = useState<string | null>(null);
  return (
    <article className="committee-card" data-testid="committee-card" data-committee={c.id}>
      <button type="button" className="link back" onClick={() => onSelect(null)}>
        ← {t('backToList')}
      </button>
      <h3 className="card-title">{c.name}</h3>
      <p className="card-meta">
        <span className="muted">{t(`committeeKind_${c.kind}` as StringKey)}</span>{' '}
        <span className={`committee-status ${c.status}`} data-testid="committee-status">
          {status}
        </span>
      </p>
      <dl className="facts">
        {c.lead && (
          <>
            <dt>{t('committeeLead')}</dt>
            <dd>{c.lead.name}</dd>
          </>
        )}
        {c.focus && (
          <>
            <dt>{t('committeeFocus')}</dt>
            <dd>{c.focus}</dd>
          </>
        )}
        {c.towns.length > 0 && (
          <>
            <dt>{t('committeeTowns')}</dt>
            <dd>{c.towns.join('、')}</dd>
          </>
        )}
      </dl>
      {(c.source || c.generated) && (
        <p className="provenance muted">
          {c.source ? t('sourceLabel', { source: c.source }) : ''}
          {c.source && c.generated ? ' · ' : ''}
          {c.generated ? t('generatedMark') : ''}
        </p>
      )}

      <section className="panel-section">
        <h3>
          {t('committeeCellsTitle')}{' '}
          <span className="count">{c.cells.length || t('committeeWholeDistrict')}</span>
        </h3>
        {c.cells.length > 0 && (
          <ul className="item-list" data-testid="committee-cells">
            {c.cells.map((cell) => (
              <li key={cell.id}>
                <button
                  type="button"
                  className="link"
                  data-testid={`committee-cell-${cell.id}`}
                  onClick={() => onCell(cell.id)}
                >
                  {cell.name}
                </button>
                <span className="muted">
                  {cell.levelName} · {cell.id}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel-section">
        <h3>
          {t('committeeMembersTitle')} <span className="count">{c.members.length}</span>
        </h3>
        <ul className="item-list member-list" data-testid="committee-members">
          {c.members.map((m) => (
            <Member
              key={m.id}
              m={m}
              lead={m.id === c.lead?.id}
              open={openMember === m.id}
              onToggle={() => setOpenMember((o) => (o === m.id ? null : m.id))}
              onCell={onCell}
            />
          ))}
        </ul>
      </section>

      {c.meetings.length > 0 && (
        <section className="panel-section">
          <h3>
            {t('committeeMeetings')} <span className="count">{c.meetings.length}</span>
          </h3>
          <ul className="item-list">
            {c.meetings.map((m) => (
              <li key={m.id}>
                <button type="button" className="link" onClick={() => onMeeting(m.id)}>
                  {m.topic}
                </button>
                <span className="muted">{day(lang, m.date)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

function Member({
  m,
  lead,
  open,
  onToggle,
  onCell,
}: {
  m: MemberModel;
  lead: boolean;
  open: boolean;
  onToggle: () => void;
  onCell: (cellId: string) => void;
}) {
  const t = useT();
  return (
    <li className="member" data-testid={`committee-member-${m.id}`}>
      <button type="button" className="link" aria-expanded={open} onClick={onToggle}>
        {m.name}
      </button>
      <span className="muted">
        {t(`kind_${m.kind}` as StringKey)}
        {lead ? ` · ${t('committeeLead')}` : ''}
      </span>
      {open && (
        <div className="member-detail">
          <span className="muted">
            {t('memberLocatedIn')}
            {t('colon')}
          </span>
          {m.locatedIn ? (
            <button type="button" className="link" onClick={() => onCell(m.locatedIn?.id ?? '')}>
              {m.locatedIn.name}
            </button>
          ) : (
            <span>{t('memberOutside')}</span>
          )}
          <br />
          <span className="muted">
            {t('memberPairedWith')}
            {t('colon')}
          </span>
          {m.paired.length === 0 && <span>{t('memberNoCells')}</span>}
          {m.paired.map((cell, i) => (
            <span key={cell.id}>
              {i > 0 ? t('listSeparator') : ''}
              <button type="button" className="link" onClick={() => onCell(cell.id)}>
                {cell.name}
              </button>
            </span>
          ))}
        </div>
      )}
    </li>
  );
}
