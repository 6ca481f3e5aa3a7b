/** Median and trimmed mean (drop the fastest and slowest fifth), after MapLibre's page benchmark. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function trimmedMean(xs: readonly number[], trim = 0.2): number {
  const s = [...xs].sort((a, b) => a - b);
  const k = Math.floor(s.length * trim);
  const kept = s.slice(k, s.length - k);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}
