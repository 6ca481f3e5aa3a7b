import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnalysisOptions, CoverageReport } from '../analysis/analyse-pack.ts';
import type { AnalysisClient } from '../analysis/client.ts';
import type { Finding } from '../analysis/finding.ts';
import type { LoadOutcome } from '../analysis/service.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { CoverageMapState, FindingTarget, ShadingMeasure } from '../layers/coverage-layers.ts';
import type { DayWindow } from '../state/url.ts';
import { cellShading, findingKey, findingTarget } from '../ui/planner/planner-model.ts';

export type CoverageStatus = 'idle' | 'loading' | 'running' | 'done' | 'error';

export interface CoverageRun {
  status: CoverageStatus;
  /** The latest finished report for the shown pack; kept on screen while a newer run is under way. */
  report: CoverageReport | null;
  /** Whether `report` was made from the current inputs (false while re-running or after an error). */
  current: boolean;
  /** The pack did not load in the worker ('load'), or the analysis failed; `message` is plain text. */
  error: { kind: 'load' | 'analysis'; message: string } | null;
  /** Main-thread time from asking to having the report (worker time plus messaging), ms. */
  ms: number | null;
}

export interface CoverageInputs {
  /** Only while the planner view is open does anything run (the worker starts on first use). */
  active: boolean;
  pack: RegionPack | null;
  /** Absolute URL of the pack's folder: the worker loads the pack itself from there. */
  packUrl: string | null;
  serviceKind: string | null;
  window: DayWindow | null;
}

export interface CoverageState {
  run: CoverageRun;
  /** The service kind actually analysed: the chosen one if the pack has it, else any. */
  serviceKind: string | null;
  serviceKinds: string[];
  shading: ShadingMeasure | null;
  setShading: (measure: ShadingMeasure | null) => void;
  /** Key of the chosen finding (stable across re-runs with the same finding). */
  selectedKey: string | null;
  select: (finding: Finding) => void;
  /** What the map shows for the planner. */
  map: CoverageMapState;
}

const IDLE: CoverageRun = { status: 'idle', report: null, current: false, error: null, ms: null };

const isAbort = (err: unknown) => err instanceof DOMException && err.name === 'AbortError';

/**
 * The planner's analysis: owns the Web Worker client, loads the pack into it once per pack, runs the
 * analysis whenever an input changes (pack, service kind, time window) and cancels the run those
 * inputs made stale. Nothing geometric runs on the main thread; the page only awaits promises.
 *
 * Performance marks `gridatlas:analysis-start|done|cancelled` (detail: run number) let tests and the
 * benchmark see every run and measure the main thread while one is under way.
 */
export function useCoverage(inputs: CoverageInputs): CoverageState {
  const { active, pack, packUrl, window } = inputs;
  // The worker's client (and comlink) is a chunk of its own, loaded on the first run: most sessions
  // never open the planner or a cell (issue #8's first-load budget).
  const clientRef = useRef<Promise<AnalysisClient> | null>(null);
  const loaded = useRef<{ url: string; outcome: Promise<LoadOutcome> } | null>(null);
  const runs = useRef(0);
  const [run, setRun] = useState<CoverageRun & { url: string | null; key: string | null }>({
    ...IDLE,
    url: null,
    key: null,
  });
  const [shading, setShading] = useState<ShadingMeasure | null>('reach');
  const [selected, setSelected] = useState<{ key: string; target: FindingTarget | null } | null>(null);

  const serviceKinds = useMemo(
    () => (pack ? [...new Set(pack.services.map((s) => s.properties.kind))].sort() : []),
    [pack],
  );
  const serviceKind =
    inputs.serviceKind !== null && serviceKinds.includes(inputs.serviceKind) ? inputs.serviceKind : null;
  const options = useMemo<AnalysisOptions>(
    () => ({
      serviceKind,
      ...(window ? { activityFrom: window.from, activityTo: window.to } : {}),
    }),
    [serviceKind, window],
  );
  const key = JSON.stringify(options);
  const done = run.status === 'done' && run.url === packUrl && run.key === key;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `options`; `done` skips a re-run of what is on screen.
  useEffect(() => {
    if (!active || !packUrl || done) return;
    clientRef.current ??= import('../analysis/client.ts').then((m) => m.createAnalysisClient());
    const clientReady = clientRef.current;
    const controller = new AbortController();
    const n = ++runs.current;
    if (loaded.current?.url !== packUrl) {
      const outcome = clientReady
        .then((client) => client.load(packUrl))
        .catch(
          (err): LoadOutcome => ({ ok: false, problems: [err instanceof Error ? err.message : String(err)] }),
        );
      loaded.current = { url: packUrl, outcome };
    }
    const loading = loaded.current.outcome;
    // A report of another pack is never shown for this one.
    setRun((r) =>
      r.url === packUrl
        ? { ...r, status: 'running', current: false, error: null }
        : { ...IDLE, status: 'loading', url: packUrl, key: null },
    );
    (async () => {
      try {
        const outcome = await loading;
        if (controller.signal.aborted) return;
        if (!outcome.ok) {
          loaded.current = null; // try again on the next input
          const shown = outcome.problems.slice(0, 3).join('; ');
          const more = outcome.problems.length > 3 ? ` (+${outcome.problems.length - 3})` : '';
          setRun({
            ...IDLE,
            status: 'error',
            error: { kind: 'load', message: shown + more },
            url: packUrl,
            key,
          });
          return;
        }
        setRun((r) => ({ ...r, status: 'running' }));
        performance.mark('gridatlas:analysis-start', { detail: { run: n, options } });
        const started = performance.now();
        const client = await clientReady;
        const report = await client.analyse(options, controller.signal);
        const ms = performance.now() - started;
        performance.mark('gridatlas:analysis-done', { detail: { run: n, ms } });
        // A transition: React renders the new figures and list in slices of a few ms, so showing a
        // report never blocks the page the way one synchronous render of hundreds of rows would.
        startTransition(() =>
          setRun({ status: 'done', report, current: true, error: null, ms, url: packUrl, key }),
        );
      } catch (err) {
        if (isAbort(err)) {
          performance.mark('gridatlas:analysis-cancelled', { detail: { run: n } });
          return;
        }
        const message = err instanceof Error ? err.message : String(err);
        setRun((r) => ({ ...r, status: 'error', current: false, error: { kind: 'analysis', message } }));
      }
    })();
    return () => controller.abort();
  }, [active, packUrl, key]);

  // The worker lives as long as the app; in StrictMode's remount a fresh one is made.
  useEffect(
    () => () => {
      void clientRef.current?.then((client) => client.dispose());
      clientRef.current = null;
      loaded.current = null;
    },
    [],
  );

  const report = run.url === packUrl ? run.report : null;
  const values = useMemo(() => (report && pack ? cellShading(report, pack) : null), [report, pack]);
  const select = useCallback(
    (f: Finding) => {
      // A new target object even for the same finding: choosing it again flies back to it.
      setSelected({ key: findingKey(f), target: pack ? findingTarget(f, pack) : null });
    },
    [pack],
  );
  // A new pack: nothing of the old one stays chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on a new pack only.
  useEffect(() => setSelected(null), [pack]);

  const target = selected?.target ?? null;
  const map = useMemo<CoverageMapState>(() => ({ shading, values, target }), [shading, values, target]);
  const { status, current, error, ms } = run;
  const selectedKey = selected?.key ?? null;
  // One object per change, so that the panel (memo) skips the app's unrelated re-renders (its clock).
  return useMemo(
    () => ({
      run: { status, report, current, error, ms },
      serviceKind,
      serviceKinds,
      shading,
      setShading,
      selectedKey,
      select,
      map,
    }),
    [status, report, current, error, ms, serviceKind, serviceKinds, shading, selectedKey, select, map],
  );
}
