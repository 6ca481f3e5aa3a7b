import type { Lang } from '../data/localized.ts';
import { formatClock, formatNumber, translate } from '../i18n/strings.ts';
import { wallText } from '../i18n/wall-strings.ts';
import { Figure } from './KpiTiles.tsx';
import type { MobilisationModel } from './mobilisation.ts';

type T = (key: Parameters<typeof wallText>[1], params?: Record<string, string | number>) => string;

/**
 * 急时 / 战时: the forces out (commando teams, temporary party organisations, staff sent down,
 * volunteers) and where they are, per town. Left column of the wall while the level holds.
 */
export function MobilisationForces({ model, lang }: { model: MobilisationModel; lang: Lang }) {
  const t: T = (key, params) => wallText(lang, key, params);
  const totals = model.totals;
  const since = model.since ? formatClock(lang, Date.parse(model.since)) : null;
  return (
    <div className="mob" data-testid="mobilisation">
      <section className={`mob-banner mob-${model.level}`} data-testid="mob-banner">
        <h2>{t('mobTitle', { level: translate(lang, `level_${model.level}`) })}</h2>
        {since && (
          <p className="mob-since" data-testid="mob-since">
            {model.sinceObserved ? t('mobSinceObserved', { time: since }) : t('mobSince', { time: since })}
          </p>
        )}
        {model.note && <p className="mob-note">{model.note}</p>}
      </section>
      <div className="mob-figures">
        <Figure
          id="mob-commando"
          value={totals?.commandoTeams ?? null}
          label={t('commandoTeams')}
          lang={lang}
        />
        <Figure
          id="mob-temp-orgs"
          value={totals?.tempPartyOrgs ?? null}
          label={t('tempPartyOrgs')}
          lang={lang}
        />
        <Figure id="mob-staff" value={totals?.staff ?? null} label={t('staff')} lang={lang} />
        <Figure
          id="mob-volunteers"
          value={totals?.volunteers ?? null}
          label={t('dutyVolunteers')}
          lang={lang}
        />
      </div>
      <section className="mob-units">
        <h3>{t('mobUnits')}</h3>
        <table>
          <thead>
            <tr>
              <th>{t('colUnit')}</th>
              <th>{t('commandoTeams')}</th>
              <th>{t('tempPartyOrgs')}</th>
              <th>{t('staff')}</th>
              <th>{t('colAlerts')}</th>
            </tr>
          </thead>
          <tbody>
            {model.units.map((u) => (
              <tr key={u.id} data-testid="mob-unit">
                <th scope="row">{u.name}</th>
                <td>{formatNumber(lang, u.commandoTeams)}</td>
                <td>{formatNumber(lang, u.tempPartyOrgs)}</td>
                <td>{formatNumber(lang, u.staff)}</td>
                <td className={u.critical > 0 ? 'tone-alert' : u.openAlerts > 0 ? 'tone-warn' : undefined}>
                  {formatNumber(lang, u.openAlerts)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

/** Open alerts by cell, most urgent first: the right column while the level holds. */
export function MobilisationAlerts({ model, lang }: { model: MobilisationModel; lang: Lang }) {
  const t: T = (key, params) => wallText(lang, key, params);
  return (
    <aside className="mob-alerts" data-testid="mob-alerts">
      <header className="mob-alerts-head">
        <h2>{t('mobCells')}</h2>
        <div className="mob-alert-count">
          <Figure
            id="mob-alerts-open"
            value={model.openAlerts}
            label={t('tileAlerts')}
            tone={model.openAlerts > 0 ? 'alert' : undefined}
            lang={lang}
          />
          <Figure
            id="mob-alerts-critical"
            value={model.critical}
            label={wallText(lang, 'sev_critical')}
            tone={model.critical > 0 ? 'alert' : undefined}
            lang={lang}
          />
        </div>
      </header>
      {model.cells.length === 0 ? (
        <p className="mob-empty">{t('mobNoAlerts')}</p>
      ) : (
        <ol className="mob-cells">
          {model.cells.map((c) => (
            <li key={c.cell} className={`sev-${c.severity}`} data-testid="mob-cell" data-cell={c.cell}>
              <span className="mob-cell-name">
                {c.townName ? `${c.townName} · ` : ''}
                {c.name}
              </span>
              <span className="mob-cell-what">
                {wallText(lang, `sev_${c.severity}`)} · {translate(lang, `alert_${c.kind}`)}
                {c.text ? `：${c.text}` : ''}
              </span>
              <span className="mob-cell-count">{formatNumber(lang, c.count)}</span>
            </li>
          ))}
        </ol>
      )}
      {model.cellsTotal > model.cells.length && (
        <p className="mob-more">{t('mobMoreCells', { count: model.cellsTotal - model.cells.length })}</p>
      )}
    </aside>
  );
}
