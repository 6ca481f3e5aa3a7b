import { useEffect, useRef, useState } from 'react';
import type { ResponseLevel } from '../data/status-schema.ts';
import { pushSample, type Sample } from './session-trend.ts';

/** Samples of live figures, one per feed generation, in a window of fixed length (session-trend.ts). */
export function useSessionTrend(
  at: string | null,
  values: Readonly<Record<string, number>> | null,
): Sample[] {
  const [samples, setSamples] = useState<Sample[]>([]);
  const latest = useRef(values);
  latest.current = values;
  useEffect(() => {
    const v = latest.current;
    if (at === null || v === null) return;
    setSamples((s) => pushSample(s, { at, values: v }));
  }, [at]);
  return samples;
}

/** When this screen first saw the current response level (for feeds that do not send responseLevelSince). */
export function useObservedSince(level: ResponseLevel | null): string | null {
  const [seen, setSeen] = useState<{ level: ResponseLevel | null; since: string | null }>({
    level: null,
    since: null,
  });
  useEffect(() => {
    setSeen((s) => (s.level === level ? s : { level, since: level ? new Date().toISOString() : null }));
  }, [level]);
  return seen.level === level ? seen.since : null;
}
