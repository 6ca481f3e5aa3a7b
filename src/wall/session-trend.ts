/**
 * Figures that only a live feed moves (open alerts, projects late, people on duty, the response level)
 * have no history in the pack; the wall draws their trend since the screen started, one sample per new
 * feed generation, in a window of fixed length so that a screen running for weeks never grows.
 */
export const SESSION_SAMPLES = 60;

export interface Sample {
  /** The feed's generatedAt (ISO): one sample per generation. */
  at: string;
  values: Readonly<Record<string, number>>;
}

/** Pure: the samples with `sample` appended (unless it repeats the last generation), at most `max`. */
export function pushSample(samples: readonly Sample[], sample: Sample, max = SESSION_SAMPLES): Sample[] {
  const last = samples[samples.length - 1];
  if (last && last.at === sample.at) return samples as Sample[];
  const next = samples.length >= max ? samples.slice(samples.length - max + 1) : samples.slice();
  next.push(sample);
  return next;
}

/** One series out of the samples (missing values as 0). */
export const series = (samples: readonly Sample[], key: string): number[] =>
  samples.map((s) => s.values[key] ?? 0);
