/**
 * Shares an exact integer total out in proportion to weights (Webster / Sainte-Laguë highest averages),
 * with a floor and an optional cap per item. Deterministic: ties go to the lower index.
 */
export function allocate(
  total: number,
  weights: readonly number[],
  min: number | readonly number[],
  max?: readonly number[],
): number[] {
  const floor = (i: number) => (typeof min === 'number' ? min : (min[i] ?? 0));
  const cap = (i: number) => max?.[i] ?? Number.POSITIVE_INFINITY;
  const counts = weights.map((_, i) => floor(i));
  let left = total - counts.reduce((s, c) => s + c, 0);
  if (left < 0) throw new Error(`allocate: floors (${total - left}) exceed the total ${total}`);
  while (left > 0) {
    let best = -1;
    let bestScore = -1;
    counts.forEach((c, i) => {
      if (c >= cap(i)) return;
      const score = (weights[i] ?? 0) / (c + 0.5);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0) throw new Error(`allocate: caps leave ${left} of ${total} unplaced`);
    counts[best] = (counts[best] ?? 0) + 1;
    left--;
  }
  return counts;
}
