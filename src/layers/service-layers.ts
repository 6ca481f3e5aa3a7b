import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { StringKey } from '../i18n/strings.ts';
import type { OverlayData } from './overlay-data.ts';
import { overlayMetadata } from './overlay-style.ts';
import type { OverlayLegend } from './overlays.ts';
import type { OverlayNames } from './partner-layers.ts';

/** Service points (the 15-minute circle's stations) as small dots coloured by kind. */

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

export function serviceSource(data: OverlayData): GeoJSONSourceSpecification {
  return { type: 'geojson', data: data.services };
}

export function serviceLayers(data: OverlayData): LayerSpecification[] {
  return [
    {
      id: SERVICE_LAYER.points,
      type: 'circle',
      source: SERVICE_SOURCE,
      metadata: overlayMetadata('services'),
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 4.5, 17, 7],
        'circle-color': serviceColourExpression(data.serviceKinds),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 10, 0.6, 14, 1.2],
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
      swatch: { shape: 'circle', colour: serviceColour(data.serviceKinds, k), outline: '#ffffff' },
      count: all.filter((f) => f.properties.kind === k).length,
    })),
  };
}
