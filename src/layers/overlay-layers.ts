import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import type { OverlayData } from './overlay-data.ts';
import type { OverlaySelection, OverlayStyle } from './overlay-style.ts';
import { PARTNER_LINK_SOURCE, partnerLayers, partnerLinks, partnerSources } from './partner-layers.ts';
import { PROJECT_LABEL_SOURCE, PROJECT_SOURCE, projectLayers, projectSources } from './project-layers.ts';
import { SERVICE_SOURCE, serviceLayers, serviceSource } from './service-layers.ts';

/** The cells the selected partner is paired with (none when no partner is selected). */
export function pairedCellsOf(data: OverlayData, selection: OverlaySelection | null): readonly string[] {
  return selection?.kind === 'partner' ? (data.partnerCells.get(selection.id) ?? []) : [];
}

export interface OverlayStyleParts {
  sources: Record<string, SourceSpecification>;
  /** Project areas, lines and points: above the grid's outlines, under its names and the drill-down veil. */
  shapes: LayerSpecification[];
  /** Above the district's own lines and names: project names, services, pairing lines, partner symbols. */
  top: LayerSpecification[];
}

/** Every overlay's sources and layers for one pack, language and overlay state (pure data). */
export function overlayStyleParts(
  data: OverlayData,
  lang: Lang,
  style: OverlayStyle,
  gridSource: string,
): OverlayStyleParts {
  const projects = projectLayers(data, lang, style.filters, style.projectColour, style.selection);
  const partners = partnerLayers(data, lang, gridSource, pairedCellsOf(data, style.selection));
  return {
    sources: {
      ...projectSources(data),
      [SERVICE_SOURCE]: serviceSource(data),
      ...partnerSources(data, style.filters, partnerLinks(data, style.selection)),
    },
    shapes: projects.shapes,
    top: [...projects.labels, ...serviceLayers(data), ...partners.under, ...partners.over],
  };
}

export const OVERLAY_SOURCES = [
  PROJECT_SOURCE,
  PROJECT_LABEL_SOURCE,
  SERVICE_SOURCE,
  PARTNER_LINK_SOURCE,
] as const;
