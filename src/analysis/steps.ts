/**
 * The analyses are generators that yield between units of work (one parent, a batch of cells). The CLI
 * and the validator run them straight through; the worker runs them in time slices and checks, between
 * slices, whether the run is still wanted — a synchronous loop could never see a cancel message.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Anything that can say a run is no longer wanted: an AbortSignal fits, and so does a run-id check. */
export interface CancelToken {
  readonly aborted: boolean;
}

export class AnalysisCancelled extends Error {
  override name = 'AbortError';
  constructor() {
    super('the analysis was cancelled: a newer run replaced it');
  }
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the steps in slices of about `sliceMs`, giving the event loop a turn between slices (so a cancel
 * or a newer run can arrive), and stops with AnalysisCancelled as soon as `token.aborted` is seen.
 */
export async function runSliced<T>(steps: Steps<T>, token: CancelToken, sliceMs = 12): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    if (token.aborted) {
      throw new AnalysisCancelled();
    }
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTask();
      sliceStart = performance.now();
    }
  }
}
