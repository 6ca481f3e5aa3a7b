import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../data/localized.ts';
import { wallText } from '../i18n/wall-strings.ts';
import type { TickerItem } from './ticker.ts';

interface TickerProps {
  items: readonly TickerItem[];
  /** True without a live feed: the lines are the pack's history, and the label says so. */
  historical: boolean;
  lang: Lang;
}

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * The latest events and alerts, scrolling right to left. New lines wait for the end of the current
 * pass (animationiteration), so a line never jumps while someone reads it; the speed is per character,
 * the same at every screen size. Every line is React text, never HTML.
 */
export function Ticker({ items, historical, lang }: TickerProps) {
  const [shown, setShown] = useState<readonly TickerItem[]>(items);
  const latest = useRef(items);
  latest.current = items;
  const still = useRef(reducedMotion());
  useEffect(() => {
    // Nothing on screen yet, or no animation to wait for: show the new lines at once.
    if (still.current || shown.length === 0) setShown(items);
  }, [items, shown.length]);
  // From the pack's history to live lines (or back): at once, not after a whole pass of old lines.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the source changes only.
  useEffect(() => setShown(latest.current), [historical]);
  const chars = shown.reduce((n, i) => n + i.text.length + 4, 0);
  return (
    <footer className="ticker" data-testid="ticker">
      <h2 className="ticker-label">{wallText(lang, historical ? 'tickerPack' : 'tickerLabel')}</h2>
      <div className="ticker-window">
        {shown.length === 0 ? (
          <p className="ticker-empty">{wallText(lang, 'tickerEmpty')}</p>
        ) : (
          <ul
            className={`ticker-track${still.current ? ' is-still' : ''}`}
            style={{ animationDuration: `${Math.max(20, chars * 0.28).toFixed(1)}s` }}
            onAnimationIteration={() => setShown(latest.current)}
          >
            {shown.map((i) => (
              <li
                key={i.key}
                className={`ticker-item kind-${i.kind}${i.severity ? ` sev-${i.severity}` : ''}`}
              >
                {i.text}
              </li>
            ))}
          </ul>
        )}
      </div>
    </footer>
  );
}
