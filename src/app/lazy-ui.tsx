import { type ComponentProps, lazy, Suspense } from 'react';
import type { CellPanel as EagerCellPanel } from '../ui/CellPanel.tsx';
import type { CoverageLegend as EagerCoverageLegend } from '../ui/planner/CoverageLegend.tsx';
import type { CoveragePanel as EagerCoveragePanel } from '../ui/planner/CoveragePanel.tsx';

/**
 * Parts of the page the first screen (the district map) does not show, each in a chunk of its own, so
 * that they stay off the first-load path (issue #8's budget: docs/benchmarks.md). `preloadPanels` fetches
 * the cell panel once the pack is in, so a first click does not wait for it.
 */
const loadCellPanel = () => import('../ui/CellPanel.tsx');
const LazyCellPanel = lazy(() => loadCellPanel().then((m) => ({ default: m.CellPanel })));
const LazyCoveragePanel = lazy(() =>
  import('../ui/planner/CoveragePanel.tsx').then((m) => ({ default: m.CoveragePanel })),
);
const LazyCoverageLegend = lazy(() =>
  import('../ui/planner/CoverageLegend.tsx').then((m) => ({ default: m.CoverageLegend })),
);

export function preloadPanels(): void {
  void loadCellPanel();
}

export function CellPanel(props: ComponentProps<typeof EagerCellPanel>) {
  return (
    <Suspense fallback={null}>
      <LazyCellPanel {...props} />
    </Suspense>
  );
}

export function CoveragePanel(props: ComponentProps<typeof EagerCoveragePanel>) {
  return (
    <Suspense fallback={null}>
      <LazyCoveragePanel {...props} />
    </Suspense>
  );
}

export function CoverageLegend(props: ComponentProps<typeof EagerCoverageLegend>) {
  return (
    <Suspense fallback={null}>
      <LazyCoverageLegend {...props} />
    </Suspense>
  );
}
