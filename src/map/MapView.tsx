import type { StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import type { Lang } from '../data/localized.ts';
import type { MapData } from '../layers/map-data.ts';
import { MapController } from './map-controller.ts';

interface MapViewProps {
  data: MapData | null;
  lang: Lang;
  basemap: StyleSpecification | null;
  label: string;
  onError: (message: string) => void;
}

/** Mounts the one map and hands it data; all map calls stay in MapController. */
export function MapView({ data, lang, basemap, label, onError }: MapViewProps) {
  const containerRef = useRef<HTMLElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is created once; language and data reach it through show().
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    try {
      controllerRef.current = new MapController(container, { lang, onError: (m) => onErrorRef.current(m) });
    } catch (err) {
      // Typically no WebGL2: say so instead of leaving a blank screen.
      onErrorRef.current(err instanceof Error ? err.message : String(err));
    }
    return () => {
      controllerRef.current?.destroy();
      controllerRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (data) controllerRef.current?.show(data, lang, basemap);
  }, [data, lang, basemap]);

  return <section ref={containerRef} className="map" aria-label={label} data-testid="map" />;
}
