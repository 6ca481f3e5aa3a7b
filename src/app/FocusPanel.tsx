import { type ComponentProps, useMemo } from 'react';
import type { Finding } from '../analysis/finding.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import type { RegionPack } from '../data/region-pack.ts';
import type { LiveStatus } from '../data/status-merge.ts';
import type { DayWindow, Focus } from '../state/url.ts';
import { CellPanel } from '../ui/CellPanel.tsx';
import { buildPanelModel } from './panel-model.ts';

interface FocusPanelProps extends Omit<ComponentProps<typeof CellPanel>, 'model'> {
  pack: RegionPack;
  index: PackIndex;
  focus: Focus;
  window: DayWindow;
  live: LiveStatus | null;
  gridFindings: readonly Finding[] | null;
}

/**
 * The panel of the focused cell or town: its model (panel-model.ts) is built here, so the model's code
 * loads with the panel's chunk (lazy-ui.tsx), not with the first screen.
 */
export function FocusPanel({ pack, index, focus, window, live, gridFindings, ...panel }: FocusPanelProps) {
  const { lang } = panel;
  const model = useMemo(
    () => buildPanelModel(pack, index, focus, window, lang, live, gridFindings),
    [pack, index, focus, window, lang, live, gridFindings],
  );
  return model ? <CellPanel model={model} {...panel} /> : null;
}
