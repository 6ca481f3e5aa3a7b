import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { StringKey } from '../i18n/strings.ts';
import type { OverlayData } from './overlay-data.ts';
import type { OverlayNames } from './overlay-style.ts';
import { overlayMetadata } from './overlay-style.ts';
import type { OverlayLegend } from './overlays.ts';

/** Service points (the 15-minute circle's stations) as small squares coloured by kind. */

export const SERVICE_SOURCE = 'ga-services';
export const SERVICE_LAYER = { points: 'service-points' } as const;

/** Kind colours in the order of the pack's sorted kinds (ColorBrewer Dark2); cycled past eight. */
export const SERVICE_PALETTE = [
  '#1b9e77',
  '#d95f02',
  '#7570b3',
  '#e7298a',
  '#66a61e',
  '#e6ab02',
  '#a6761d',
  '#666666',
] as const;

export const serviceColour = (kinds: readonly string[], kind: string): string =>
  SERVICE_PALETTE[Math.max(0, kinds.indexOf(kind)) % SERVICE_PALETTE.length] ?? '#666666';

export function serviceColourExpression(kinds: readonly string[]): ExpressionSpecification {
  if (kinds.length === 0) return ['literal', '#666666'] as unknown as ExpressionSpecification;
  return [
    'match',
    ['get', 'kind'],
    ...kinds.flatMap((k) => [k, serviceColour(kinds, k)]),
    '#666666',
  ] as unknown as ExpressionSpecification;
}

/**
 * Small squares (a symbol image drawn in code, see symbols.ts), so service points never read as
 * project points, which are circles.
 */
export function serviceIconExpression(kinds: readonly string[]): ExpressionSpecification {
  return ['concat', 'ga-sym|square|', serviceColourExpression(kinds), '|'];
}

export function serviceSource(data: OverlayData): GeoJSONSourceSpecification {
  return { type: 'geojson', data: data.services };
}

export function serviceLayers(data: OverlayData): LayerSpecification[] {
  return [
    {
      id: SERVICE_LAYER.points,
      type: 'symbol',
      source: SERVICE_SOURCE,
      metadata: overlayMetadata('services'),
      layout: {
        'icon-image': serviceIconExpression(data.serviceKinds),
        'icon-size': ['interpolate', ['linear'], ['zoom'], 10, 0.4, 14, 0.55, 17, 0.75],
        'icon-allow-overlap': true,
      },
    },
  ];
}

export function serviceLegend(
  data: OverlayData,
  t: (key: StringKey) => string,
  names: OverlayNames,
): OverlayLegend {
  const all = data.services.features;
  return {
    overlay: 'services',
    title: t('legendServiceKind'),
    entries: data.serviceKinds.map((k) => ({
      key: k,
      label: names.serviceKind(k),
      swatch: { shape: 'square', colour: serviceColour(data.serviceKinds, k) },
      count: all.filter((f) => f.properties.kind === k).length,
    })),
  };
}
