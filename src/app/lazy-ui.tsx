import { type ComponentProps, type ComponentType, lazy, Suspense } from 'react';
import type { ActivityLegend as EagerActivityLegend } from '../ui/activity/ActivityLegend.tsx';
import type { TimeBar as EagerTimeBar } from '../ui/activity/TimeBar.tsx';
import type { PartnerCard as EagerPartnerCard } from '../ui/overlays/PartnerCard.tsx';
import type { ProjectCard as EagerProjectCard } from '../ui/overlays/ProjectCard.tsx';
import type { CoverageLegend as EagerCoverageLegend } from '../ui/planner/CoverageLegend.tsx';
import type { CoveragePanel as EagerCoveragePanel } from '../ui/planner/CoveragePanel.tsx';
import type { ProgrammePanel as EagerProgrammePanel } from '../ui/programme/ProgrammePanel.tsx';
import type { FocusPanel as EagerFocusPanel } from './FocusPanel.tsx';

/**
 * Parts of the page the first screen (the district map with its default overlays) does not show, each in
 * a chunk of its own, so that they stay off the first-load path (issue #8's budget: docs/benchmarks.md).
 * `preloadPanels` fetches the ones a first click opens once the pack is in, so that click does not wait.
 * The others (planner, programme, activity) load when switched on, and show nothing until they have.
 */
function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  // biome-ignore lint/correctness/noComponentHookFactories: called once per part at module load (below), never in a render.
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

const loadFocusPanel = () => import('./FocusPanel.tsx');
const loadCards = () =>
  Promise.all([import('../ui/overlays/PartnerCard.tsx'), import('../ui/overlays/ProjectCard.tsx')]);

export function preloadPanels(): void {
  void loadFocusPanel();
  void loadCards();
}

export const FocusPanel = lazyPart<ComponentProps<typeof EagerFocusPanel>>(() =>
  loadFocusPanel().then((m) => m.FocusPanel),
);
export const PartnerCard = lazyPart<ComponentProps<typeof EagerPartnerCard>>(() =>
  loadCards().then(([m]) => m.PartnerCard),
);
export const ProjectCard = lazyPart<ComponentProps<typeof EagerProjectCard>>(() =>
  loadCards().then(([, m]) => m.ProjectCard),
);
export const CoveragePanel = lazyPart<ComponentProps<typeof EagerCoveragePanel>>(() =>
  import('../ui/planner/CoveragePanel.tsx').then((m) => m.CoveragePanel),
);
export const CoverageLegend = lazyPart<ComponentProps<typeof EagerCoverageLegend>>(() =>
  import('../ui/planner/CoverageLegend.tsx').then((m) => m.CoverageLegend),
);
export const ProgrammePanel = lazyPart<ComponentProps<typeof EagerProgrammePanel>>(() =>
  import('../ui/programme/ProgrammePanel.tsx').then((m) => m.ProgrammePanel),
);
export const TimeBar = lazyPart<ComponentProps<typeof EagerTimeBar>>(() =>
  import('../ui/activity/TimeBar.tsx').then((m) => m.TimeBar),
);
export const ActivityLegend = lazyPart<ComponentProps<typeof EagerActivityLegend>>(() =>
  import('../ui/activity/ActivityLegend.tsx').then((m) => m.ActivityLegend),
);
