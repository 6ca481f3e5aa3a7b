import { useEffect, useId, useState } from 'react';
import type { Figure, PanelModel } from '../app/panel-model.ts';
import type { Lang } from '../data/localized.ts';
import { formatDate, formatDateTime, formatNumber, type StringKey } from '../i18n/strings.ts';
import { useT } from '../i18n/use-t.ts';
import type { DayWindow, Focus } from '../state/url.ts';
import { ActivityChart } from './ActivityChart.tsx';
import { CountedSection } from './CountedSection.tsx';
import { WindowPicker } from './WindowPicker.tsx';

interface CellPanelProps {
  model: PanelModel;
  lang: Lang;
  presets: { key: StringKey; window: DayWindow }[];
  onGo: (focus: Focus) => void;
  onUp: () => void;
  onClose: () => void;
  onWindow: (window: DayWindow) => void;
  /** Opens a deliberation meeting (in the programme panel's timeline). */
  onMeeting?: (meetingId: string) => void;
}

type Section = 'children' | 'partners' | 'projects' | 'events' | 'meetings' | null;

/**
 * Everything about one cell (or street/town). Each number is a button that opens the list of what it
 * counts, so an official can check any figure. Pack strings are rendered as text by React.
 */
export function CellPanel({
  model,
  lang,
  presets,
  onGo,
  onUp,
  onClose,
  onWindow,
  onMeeting,
}: CellPanelProps) {
  const t = useT();
  const headingId = useId();
  const [open, setOpen] = useState<Section>(null);
  const n = (v: number) => formatNumber(lang, v);
  const toggle = (s: Exclude<Section, null>) => setOpen((o) => (o === s ? null : s));

  // Performance marks per subject, for the benchmark (click → panel): when React committed it, and
  // when the browser had painted it (the task after the next animation frame).
  useEffect(() => {
    performance.mark('gridatlas:panel-rendered', { detail: model.id });
    const frame = requestAnimationFrame(() => {
      setTimeout(() => performance.mark('gridatlas:panel-painted', { detail: model.id }), 0);
    });
    return () => cancelAnimationFrame(frame);
  }, [model.id]);

  const figureText = (f: Figure) => (f.value === null ? t('notRecorded') : n(f.value));
  const figureNote = (f: Figure) =>
    f.from === undefined
      ? null
      : `${t('rollupFrom', { count: f.from, level: model.leafLevelName })}${f.known !== undefined ? t('rollupPartial', { known: f.known, count: f.from }) : ''}`;
  const { activity } = model;

  return (
    <aside className="panel" aria-labelledby={headingId} data-testid="cell-panel">
      <header className="panel-head">
        <span className="panel-level">{model.levelName === 'town' ? t('town') : model.levelName}</span>
        <h2 id={headingId}>{model.name}</h2>
        <div className="panel-actions">
          <button type="button" onClick={onUp} aria-label={t('goUp')} title={t('goUp')}>
            ↑
          </button>
          <button type="button" onClick={onClose} aria-label={t('close')} title={t('close')}>
            ×
          </button>
        </div>
      </header>

      <dl className="facts">
        {model.code && (
          <>
            <dt>{t('code')}</dt>
            <dd>{model.code}</dd>
          </>
        )}
        {model.townName && (
          <>
            <dt>{t('town')}</dt>
            <dd>{model.townName}</dd>
          </>
        )}
        {model.kind === 'cell' && (
          <>
            <dt>{t('leader')}</dt>
            <dd data-testid="leader">{model.leader ?? t('notRecorded')}</dd>
          </>
        )}
        {(['population', 'households', 'partyMembers'] as const).map((key) => {
          const f = model.people[key];
          const note = figureNote(f);
          return (
            <div key={key} className="fact-row">
              <dt>{t(key)}</dt>
              <dd data-testid={`fact-${key}`}>
                {model.children.length > 0 && f.value !== null ? (
                  <button
                    type="button"
                    className="link"
                    aria-expanded={open === 'children'}
                    onClick={() => toggle('children')}
                  >
                    {figureText(f)}
                  </button>
                ) : (
                  figureText(f)
                )}
                {note && <small className="note">{note}</small>}
              </dd>
            </div>
          );
        })}
        {model.extra.map((x) => (
          <div key={x.key} className="fact-row">
            <dt>{x.key}</dt>
            <dd>{x.value}</dd>
          </div>
        ))}
      </dl>

      {model.below.length > 0 && (
        <section className="panel-section">
          <h3>{t('children')}</h3>
          <p className="counts">
            {model.below.map((b, i) => (
              <button
                key={b.levelName}
                type="button"
                className="link count"
                aria-expanded={i === 0 ? open === 'children' : undefined}
                onClick={() => toggle('children')}
              >
                {n(b.count)} {b.levelName}
              </button>
            ))}
          </p>
          {open === 'children' && (
            <ul className="item-list" data-testid="children-list">
              {model.children.map((c) => (
                <li key={c.id}>
                  <button type="button" className="link" onClick={() => onGo({ kind: 'cell', id: c.id })}>
                    {c.name}
                  </button>
                  {c.population !== null && <span className="muted">{n(c.population)}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {model.gridFindings && model.gridFindings.length > 0 && (
        <section className="panel-section" data-testid="cell-findings">
          <h3>{t('cellFindings')}</h3>
          <ul className="item-list">
            {model.gridFindings.map((f) => (
              <li key={`${f.kind}:${f.ids.join(',')}`}>
                <strong>{t(`finding_${f.kind.replaceAll('-', '_')}` as StringKey)}</strong>
                <span className="muted">
                  {t('areaM2', { value: Math.round(f.areaM2) })} · {f.ids.join(', ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {model.live && (
        <section className="panel-section" data-testid="alerts">
          <h3>
            {t('alerts')} <span className="count">{n(model.alerts.length)}</span>
          </h3>
          {model.alerts.length === 0 ? (
            <p className="muted">{t('alertsNone')}</p>
          ) : (
            <ul className="item-list">
              {model.alerts.map((a) => (
                <li key={a.id} className={`alert-item severity-${a.severity}`}>
                  <span>
                    <strong>{t(`alert_${a.kind}` as StringKey)}</strong>
                    {a.text ? ` · ${a.text}` : ''}
                  </span>
                  <span className="muted">
                    {t(`severity_${a.severity}` as StringKey)} · {a.cellName} ·{' '}
                    {t('since', { time: formatDateTime(lang, Date.parse(a.openedAt)) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <CountedSection
        title={t('partners')}
        count={n(model.partners.length)}
        open={open === 'partners'}
        onToggle={() => toggle('partners')}
        empty={model.partners.length === 0 ? t('partnersNone') : null}
        testId="partners-count"
      >
        {model.partners.map((p) => (
          <li key={p.id}>
            <span>{p.name}</span>
            <span className="muted">
              {t(`kind_${p.kind}` as StringKey)}
              {p.committee ? ` · ${p.committee}` : ''}
              {p.paired ? ` · ${t('partnerPaired')}` : ''}
              {p.inside ? ` · ${t('partnerInside')}` : ''}
            </span>
          </li>
        ))}
      </CountedSection>

      <CountedSection
        title={t('projects')}
        count={n(model.projects.length)}
        open={open === 'projects'}
        onToggle={() => toggle('projects')}
        empty={model.projects.length === 0 ? t('projectsNone') : null}
        testId="projects-count"
      >
        {model.projects.map((p) => (
          <li key={p.id} className="project">
            <span>{p.name}</span>
            <span className={`status status-${p.status}`}>{t(`status_${p.status}` as StringKey)}</span>
            <meter min={0} max={100} value={p.progress} aria-label={`${t('progress')} ${p.progress}%`} />
            <span className="muted">
              {p.domain}
              {p.due
                ? ` · ${t('due', { date: formatDate(lang, Date.parse(`${p.due}T00:00:00+08:00`)) })}`
                : ''}
            </span>
          </li>
        ))}
      </CountedSection>

      {model.meetings && (
        <CountedSection
          title={t('cellMeetings')}
          count={n(model.meetings.length)}
          open={open === 'meetings'}
          onToggle={() => toggle('meetings')}
          empty={model.meetings.length === 0 ? t('cellMeetingsNone') : null}
          testId="meetings-count"
        >
          {model.meetings.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="link"
                data-testid={`cell-meeting-${m.id}`}
                onClick={() => onMeeting?.(m.id)}
              >
                {m.topic}
              </button>
              <span className="muted">
                {formatDate(lang, Date.parse(`${m.date}T00:00:00+08:00`))}
                {m.via ? ` · ${t('cellMeetingVia', { name: m.via })}` : ''}
              </span>
            </li>
          ))}
        </CountedSection>
      )}

      <section className="panel-section">
        <h3>{t('activity')}</h3>
        <WindowPicker window={model.window} presets={presets} onChange={onWindow} />
        <dl className="activity-figures">
          <div>
            <dt>{t('events')}</dt>
            <dd>
              <button
                type="button"
                className="link big"
                aria-expanded={open === 'events'}
                onClick={() => toggle('events')}
                data-testid="events-count"
              >
                {n(activity.events)}
              </button>
            </dd>
          </div>
          <div>
            <dt>{t('volunteers')}</dt>
            <dd className="big">{n(activity.volunteers)}</dd>
          </div>
          <div>
            <dt>{t('hours')}</dt>
            <dd className="big">{n(Math.round(activity.hours))}</dd>
          </div>
          <div>
            <dt>{t('daysSince')}</dt>
            <dd className="big" data-testid="days-since">
              {model.daysSinceLast === null
                ? t('noActivityEver')
                : t('daysSinceValue', { days: model.daysSinceLast })}
            </dd>
          </div>
        </dl>
        {open === 'events' && (
          <ul className="item-list" aria-label={t('latestEvents')}>
            {activity.latest.map((e) => (
              <li key={e.id}>
                <span>{formatDateTime(lang, e.time)}</span>
                <span className="muted">
                  {e.id} · {e.leaf}
                </span>
              </li>
            ))}
          </ul>
        )}
        <ActivityChart
          weeks={activity.weeks}
          label={t('weeklyChart')}
          describeWeek={(w) => `${t('weekOf', { date: formatDate(lang, w.start) })}: ${n(w.events)}`}
        />
      </section>
    </aside>
  );
}
