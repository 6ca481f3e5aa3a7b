import type { FeatureCollection, Point } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { StatusAlert } from '../data/status-schema.ts';
import type { StringKey } from '../i18n/strings.ts';
import type { MapData } from './map-data.ts';
import { overlayMetadata } from './overlay-style.ts';
import type { OverlayLegend } from './overlays.ts';

export const ALERT_SOURCE = 'ga-alerts';
export const ALERT_LAYER = { halo: 'alert-halo', dot: 'alert-dot', count: 'alert-count' } as const;

export const SEVERITY_COLOUR = { critical: '#c92a2a', warning: '#e8590c', info: '#1c7ed6' } as const;

export interface AlertMarkerProps {
  cell: string;
  /** The most urgent open alert of the cell decides the marker. */
  kind: string;
  severity: keyof typeof SEVERITY_COLOUR;
  count: number;
}

/**
 * One marker per cell with open alerts, at the cell's label point (inside the cell, never on an edge), or
 * on tiles at the attribute index's point for it (MapData.cellPoints).
 */
export function alertMarkers(
  data: MapData,
  openAlertsByCell: ReadonlyMap<string, readonly StatusAlert[]>,
): FeatureCollection<Point, AlertMarkerProps> {
  const at = new Map(data.labels.features.map((f) => [f.properties.id, f.geometry.coordinates]));
  const features: FeatureCollection<Point, AlertMarkerProps>['features'] = [];
  for (const [cell, alerts] of openAlertsByCell) {
    const first = alerts[0];
    // (A tiled pack's cells have no label points in the page: cellPoints stands in.)
    const position = at.get(cell) ?? data.cellPoints?.get(cell);
    if (!first || !position) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: position },
      properties: { cell, kind: first.kind, severity: first.severity, count: alerts.length },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Circles coloured by severity, larger when critical; the count of open alerts inside. */
export function alertLayers(): LayerSpecification[] {
  // The layer control's 'alerts' overlay switches these.
  const metadata = overlayMetadata('alerts');
  const colour = [
    'match',
    ['get', 'severity'],
    'critical',
    SEVERITY_COLOUR.critical,
    'warning',
    SEVERITY_COLOUR.warning,
    SEVERITY_COLOUR.info,
  ];
  return [
    {
      id: ALERT_LAYER.halo,
      type: 'circle',
      metadata,
      source: ALERT_SOURCE,
      paint: {
        'circle-radius': ['match', ['get', 'severity'], 'critical', 16, 12],
        'circle-color': colour as never,
        'circle-opacity': 0.25,
      },
    },
    {
      id: ALERT_LAYER.dot,
      type: 'circle',
      metadata,
      source: ALERT_SOURCE,
      paint: {
        'circle-radius': ['match', ['get', 'severity'], 'critical', 9, 7],
        'circle-color': colour as never,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: ALERT_LAYER.count,
      type: 'symbol',
      metadata,
      source: ALERT_SOURCE,
      filter: ['>', ['get', 'count'], 1],
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': ['Noto Sans CJK SC Bold', 'sans-serif'],
        'text-size': 11,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
  ];
}

const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Severity colours (the table the layers use), with the number of cells marked at each severity. */
export function alertLegend(
  markers: FeatureCollection<Point, AlertMarkerProps> | null,
  t: (key: StringKey) => string,
): OverlayLegend {
  const features = markers?.features ?? [];
  return {
    overlay: 'alerts',
    title: t('legendAlerts'),
    entries: SEVERITIES.map((s) => ({
      key: s,
      label: t(`severity_${s}`),
      swatch: { shape: 'circle', colour: SEVERITY_COLOUR[s], outline: '#ffffff' },
      count: features.filter((f) => f.properties.severity === s).length,
    })),
  };
}
