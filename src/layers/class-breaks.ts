/**
 * Class breaks for a choropleth, computed from the values themselves (quantiles), so that each class
 * holds about as many cells whatever the window: a day and a year of activity both use the whole ramp.
 */

/** Lower bounds of the classes, ascending and distinct; the first is the smallest value. */
export type ClassBreaks = readonly number[];

/**
 * Quantile breaks over the positive values (zero means "nothing" and is a class of its own, outside
 * these). Bounds are rounded down to `decimals` so the legend reads cleanly and every value still falls
 * in the class its label says. Counts have many ties (a third of the cells with one event): a quantile
 * that falls on the previous bound moves up to the next larger value, so ties do not swallow classes;
 * there are fewer than `classes` classes only when there are fewer distinct values.
 */
export function quantileBreaks(values: Iterable<number>, classes = 5, decimals = 0): ClassBreaks {
  const sorted = [...values].filter((v) => v > 0).sort((a, b) => a - b);
  const scale = 10 ** decimals;
  const floor = (v: number) => Math.floor(v * scale + 1e-9) / scale;
  const bounds: number[] = [];
  for (let i = 0; i < classes; i++) {
    let at = Math.floor((i * sorted.length) / classes);
    const last = bounds[bounds.length - 1];
    while (last !== undefined && at < sorted.length && floor(sorted[at] as number) <= last) at++;
    if (at >= sorted.length) break;
    bounds.push(floor(sorted[at] as number));
  }
  return bounds;
}

/** The class of a value: -1 for zero or less (no class), else the last class whose bound it reaches. */
export function classOf(value: number, breaks: ClassBreaks): number {
  if (!(value > 0) || breaks.length === 0) return -1;
  let lo = 0;
  let hi = breaks.length - 1;
  // Largest i with breaks[i] <= value (the first bound is the smallest value, so i >= 0).
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((breaks[mid] as number) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Which of `rampSize` colours class `i` of `classes` takes: spread over the whole ramp, so that two
 * classes are light and dark rather than the two lightest.
 */
export function rampIndex(i: number, classes: number, rampSize: number): number {
  if (classes <= 1) return Math.floor(rampSize / 2);
  return Math.round((i * (rampSize - 1)) / (classes - 1));
}
