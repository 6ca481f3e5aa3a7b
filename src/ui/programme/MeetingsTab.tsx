import { useEffect, useMemo, useRef, useState } from 'react';
import type { CommitteeModel, MeetingModel } from '../../app/programme-model.ts';
import type { Lang } from '../../data/localized.ts';
import { formatDate, type StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/use-t.ts';

interface MeetingsTabProps {
  meetings: MeetingModel[];
  committees: CommitteeModel[];
  lang: Lang;
  selected: string | null;
  onSelect: (id: string | null) => void;
  onCell: (cellId: string) => void;
}

/**
 * The deliberation meetings as a timeline, oldest first, grouped by year; filtered by committee, year
 * and words of the topic. The meeting chosen (here, from a cell's panel or from a committee) is opened
 * and scrolled into view, and stays listed whatever the filters.
 */
export function MeetingsTab({ meetings, committees, lang, selected, onSelect, onCell }: MeetingsTabProps) {
  const t = useT();
  const [committee, setCommittee] = useState('');
  const [year, setYear] = useState('');
  const [words, setWords] = useState('');
  const chosenRef = useRef<HTMLLIElement>(null);
  const years = useMemo(() => [...new Set(meetings.map((m) => m.year))], [meetings]);
  const convening = useMemo(
    () => committees.filter((c) => meetings.some((m) => m.committee?.id === c.id)),
    [committees, meetings],
  );
  const needle = words.trim().toLowerCase();
  const shown = meetings.filter(
    (m) =>
      m.id === selected ||
      ((!committee || m.committee?.id === committee) &&
        (!year || m.year === year) &&
        (!needle || m.topic.toLowerCase().includes(needle))),
  );
  const byYear = years
    .map((y) => ({ year: y, list: shown.filter((m) => m.year === y) }))
    .filter((g) => g.list.length > 0);

  useEffect(() => {
    if (selected) chosenRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  const day = (iso: string) => formatDate(lang, Date.parse(`${iso}T00:00:00+08:00`));
  return (
    <div className="meetings" data-testid="meetings-timeline">
      <div className="meeting-filters">
        <label>
          <span>{t('meetingsFilterCommittee')}</span>
          <select
            value={committee}
            onChange={(e) => setCommittee(e.target.value)}
            data-testid="meetings-committee"
          >
            <option value="">{t('meetingsFilterAll')}</option>
            {convening.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('meetingsFilterYear')}</span>
          <select value={year} onChange={(e) => setYear(e.target.value)} data-testid="meetings-year">
            <option value="">{t('meetingsFilterAll')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('meetingsFilterText')}</span>
          <input
            type="search"
            value={words}
            onChange={(e) => setWords(e.target.value)}
            data-testid="meetings-text"
          />
        </label>
      </div>
      <p className="muted" role="status" data-testid="meetings-count">
        {t('meetingsCount', { shown: shown.length, total: meetings.length })}
      </p>
      {byYear.length === 0 && <p className="muted">{t('meetingsNone')}</p>}
      {byYear.map((g) => (
        <section key={g.year} className="timeline-year">
          <h3>{g.year}</h3>
          <ol className="timeline">
            {g.list.map((m) => {
              const open = m.id === selected;
              return (
                <li
                  key={m.id}
                  ref={open ? chosenRef : undefined}
                  className={`timeline-item${open ? ' open' : ''}`}
                  data-testid={`meeting-${m.id}`}
                >
                  <time dateTime={m.date}>{day(m.date)}</time>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={open}
                    onClick={() => onSelect(open ? null : m.id)}
                  >
                    {m.topic}
                  </button>
                  <span className="muted">
                    {m.kind ?? ''}
                    {m.committee ? ` · ${m.committee.name}` : ''}
                  </span>
                  {open && (
                    <div className="meeting-card" data-testid="meeting-card">
                      {m.decisions.length > 0 && (
                        <>
                          <h4>{t('meetingDecisions')}</h4>
                          <ul className="decisions">
                            {m.decisions.map((d) => (
                              <li key={d}>{d}</li>
                            ))}
                          </ul>
                        </>
                      )}
                      {m.cells.length > 0 && (
                        <>
                          <h4>{t('meetingCells')}</h4>
                          <p className="chips">
                            {m.cells.map((c) => (
                              <button
                                key={c.id}
                                type="button"
                                className="link"
                                data-testid={`meeting-cell-${c.id}`}
                                onClick={() => onCell(c.id)}
                              >
                                {c.name}
                              </button>
                            ))}
                          </p>
                        </>
                      )}
                      {m.projects.length > 0 && (
                        <>
                          <h4>{t('meetingProjects')}</h4>
                          <ul className="plain">
                            {m.projects.map((p) => (
                              <li key={p.id}>
                                {p.name}{' '}
                                <span className={`status status-${p.status}`}>
                                  {t(`status_${p.status}` as StringKey)}
                                </span>
                              </li>
                            ))}
                          </ul>
                        </>
                      )}
                      {m.participants.length > 0 && (
                        <>
                          <h4>{t('meetingParticipants')}</h4>
                          <p>{m.participants.map((p) => p.name).join(t('listSeparator'))}</p>
                        </>
                      )}
                      {m.place && (
                        <p className="muted">
                          {t('meetingPlace')}
                          {t('colon')}
                          {m.place}
                        </p>
                      )}
                      {(m.source || m.generated) && (
                        <p className="provenance muted">
                          {m.source ? t('sourceLabel', { source: m.source }) : ''}
                          {m.source && m.generated ? ' · ' : ''}
                          {m.generated ? t('generatedMark') : ''}
                        </p>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
