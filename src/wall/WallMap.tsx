import type { FeatureCollection, Point } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { Lang } from '../data/localized.ts';
import type { AlertMarkerProps } from '../layers/alert-layers.ts';
import type { FocusTarget } from '../layers/focus-style.ts';
import type { MapData } from '../layers/map-data.ts';
import { wallStyle } from '../layers/wall-style.ts';
import { MapController } from '../map/map-controller.ts';
import type { Box } from './tour.ts';

/**
 * How long a lost WebGL context may stay lost before the wall gives up waiting for the browser to
 * restore it and builds a new map (a new canvas gets a new context). Browsers restore within a second
 * or two after a GPU reset when they restore at all.
 */
export const CONTEXT_RECOVERY_MS = 6000;

interface WallMapProps {
  data: MapData | null;
  lang: Lang;
  basemap: StyleSpecification | null;
  target: FocusTarget;
  fitBox: Box | null;
  /** Animate the move to a new stop (slow tours); fast tours jump. */
  animate: boolean;
  alerts: FeatureCollection<Point, AlertMarkerProps> | null;
  /** Screen size relative to 1080 lines (layers/wall-style.ts). */
  scale: number;
  label: string;
  onError: (message: string) => void;
  /** True while the context is lost and the map is not drawn. */
  onLost: (lost: boolean) => void;
}

const fitPadding = (w: number, h: number) => {
  const y = Math.round(h * 0.07);
  const x = Math.round(w * 0.06);
  return { top: y, bottom: y, left: x, right: x };
};

/**
 * The wall's map: the one MapController, made non-interactive and dark. It survives a lost WebGL
 * context: MapLibre rebuilds its style when the browser restores the context; when no restore comes
 * within CONTEXT_RECOVERY_MS the map is made again (`data-generation` counts how often).
 */
export function WallMap(props: WallMapProps) {
  const { data, lang, basemap, target, fitBox, animate, alerts, scale, label } = props;
  const containerRef = useRef<HTMLElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const callbacks = useRef(props);
  callbacks.current = props;
  const [generation, setGeneration] = useState(0);
  const fitted = useRef<{ controller: MapController | null; key: string }>({ controller: null, key: '' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: made once per generation; data reaches it through the controller.
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let recovery = 0;
    let controller: MapController;
    try {
      controller = new MapController(container, {
        lang,
        interactive: false,
        fitPadding,
        restyle: (style) => wallStyle(style, scale),
        onError: (m) => callbacks.current.onError(m),
        onCellClick: () => {},
        onViewChange: () => {},
        onContextLost: () => {
          callbacks.current.onLost(true);
          clearTimeout(recovery);
          recovery = window.setTimeout(() => setGeneration((g) => g + 1), CONTEXT_RECOVERY_MS);
        },
        onContextRestored: () => {
          clearTimeout(recovery);
          callbacks.current.onLost(false);
        },
      });
    } catch (err) {
      callbacks.current.onError(err instanceof Error ? err.message : String(err));
      return;
    }
    controllerRef.current = controller;
    container.dataset.generation = String(generation);
    if (generation > 0) callbacks.current.onLost(false);
    return () => {
      clearTimeout(recovery);
      try {
        controller.destroy();
      } catch {
        // A map whose context is already lost may fail to free it again; it is gone either way.
      }
      controllerRef.current = null;
      delete container.dataset.context;
    };
  }, [generation]);

  const fitKey = fitBox ? fitBox.join(',') : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation is a new controller that needs everything again.
  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller || !data) return;
    controller.show(data, lang, basemap, target);
    const before = fitted.current;
    const isNew = before.controller !== controller;
    if (fitBox && (isNew || before.key !== fitKey)) {
      controller.fitTo(fitBox, animate && !isNew);
      fitted.current = { controller, key: fitKey };
    }
  }, [data, lang, basemap, target, fitBox, fitKey, animate, generation]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation is a new controller that needs the markers again.
  useEffect(() => {
    if (alerts) controllerRef.current?.setAlerts(alerts);
  }, [alerts, generation]);

  return <section ref={containerRef} className="wall-map" aria-label={label} data-testid="map" />;
}
