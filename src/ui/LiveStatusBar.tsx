import { useNow } from '../app/use-now.ts';
import type { Lang } from '../data/localized.ts';
import { type StatusQueryState, statusHealth } from '../data/status-freshness.ts';
import type { ResponseLevel } from '../data/status-schema.ts';
import { formatClock } from '../i18n/strings.ts';
import { useT } from '../i18n/use-t.ts';

interface LiveStatusBarProps {
  query: StatusQueryState;
  intervalMs: number;
  level: ResponseLevel | null;
  lang: Lang;
}

/**
 * Honest freshness: the absolute time of the last good update is always on screen; a stale or failing
 * feed gets a banner (role="status") saying since when; a refused feed says why (role="alert"). The
 * last good data stays on the map meanwhile.
 */
export function LiveStatusBar({ query, intervalMs, level, lang }: LiveStatusBarProps) {
  const t = useT();
  // The clock ages the data on screen even when nothing arrives; it re-renders this bar only.
  const now = useNow(1000);
  const health = statusHealth(query, now, intervalMs);
  const since = health.since === null ? null : formatClock(lang, health.since);
  const reason = health.error?.message ?? '';
  return (
    <>
      <span className={`live live-${health.state}`} data-testid="live-clock" title={t('liveLabel')}>
        {since ? t('liveUpdated', { time: since }) : t('liveWaiting')}
      </span>
      {level && level !== 'normal' && (
        <span className={`level level-${level}`} data-testid="response-level" title={t('responseLevel')}>
          {t(`level_${level}`)}
        </span>
      )}
      <div className="live-banners">
        {health.state === 'stale' && since && (
          <p role="status" className="banner stale">
            {t('liveStale', {
              time: since,
              minutes: Math.max(1, Math.round((now - (health.since ?? now)) / 60_000)),
            })}
          </p>
        )}
        {health.state === 'failing' && !health.rejection && (
          <p role="status" className="banner stale">
            {since ? t('liveFailing', { reason, time: since }) : t('liveFailingNone', { reason })}
          </p>
        )}
        {health.rejection && (
          <p role="alert" className="banner rejected">
            {t('liveRejected', { reason: health.rejection })}
            {since ? ` ${t('liveFailing', { reason: health.error?.code ?? '', time: since })}` : ''}
          </p>
        )}
      </div>
    </>
  );
}
