import { useNow } from '../app/use-now.ts';
import type { Lang } from '../data/localized.ts';
import { formatDate } from '../i18n/strings.ts';
import { wallText } from '../i18n/wall-strings.ts';

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

/** The wall's clock (Shanghai time), its own 1 Hz re-render: nothing else on the wall ticks with it. */
export function WallClock({ lang }: { lang: Lang }) {
  const now = useNow(1000);
  return (
    <div className="wall-clock" title={wallText(lang, 'clockLabel')}>
      <time className="clock-time" data-testid="wall-clock" dateTime={new Date(now).toISOString()}>
        {TIME.format(now)}
      </time>
      <span className="clock-date">{formatDate(lang, now)}</span>
    </div>
  );
}
