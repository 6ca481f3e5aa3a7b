import './maplibre-setup.ts';
import type { StyleSpecification } from 'maplibre-gl';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import type { Lang } from '../data/localized.ts';
import type { MapData } from '../layers/map-data.ts';
import { buildMapStyle, SOURCE } from '../layers/map-style.ts';

export interface MapControllerOptions {
  lang: Lang;
  /** Called with a plain message when the map itself fails (WebGL, a style error). */
  onError: (message: string) => void;
}

const CONTROL_LOCALE: Record<Lang, Record<string, string>> = {
  zh: {
    'NavigationControl.ZoomIn': '放大',
    'NavigationControl.ZoomOut': '缩小',
    'NavigationControl.ResetBearing': '重置方向',
  },
  en: {},
};

/**
 * The one owner of the MapLibre map: every imperative call on it lives here. React hands it data
 * and settings; it never calls back into the UI except through the callbacks it was given.
 *
 * `data-idle="true"` on the container means the map has finished rendering what it was last given;
 * tests and the benchmark wait on it instead of on timeouts.
 */
export class MapController {
  readonly map: MapLibreMap;
  private readonly container: HTMLElement;
  private data: MapData | null = null;
  private lang: Lang;
  private basemap: StyleSpecification | null = null;

  constructor(container: HTMLElement, options: MapControllerOptions) {
    this.container = container;
    this.lang = options.lang;
    this.setIdle(false);
    this.map = new MapLibreMap({
      container,
      style: { version: 8, sources: {}, layers: [] },
      // Our own attribution component renders pack text as text; MapLibre's control would insert it as HTML.
      attributionControl: false,
      locale: CONTROL_LOCALE[options.lang],
      maxPitch: 0,
      dragRotate: false,
      fadeDuration: 150,
    });
    this.map.touchZoomRotate.disableRotation();
    // A handle for browser tests and the benchmark (queryRenderedFeatures, performance marks).
    (window as Window & { __gridatlasMap?: MapLibreMap }).__gridatlasMap = this.map;
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    this.map.on('idle', () => {
      // `idle` also fires for the empty start style and between setStyle and the sources' first
      // parse; only a frame with the current data loaded counts.
      if (this.rendersCurrentData()) this.setIdle(true);
      else this.map.triggerRepaint();
    });
    this.map.on('movestart', () => this.setIdle(false));
    this.map.on('dataloading', () => this.setIdle(false));
    this.map.on('error', (e) => options.onError(e.error?.message ?? 'map error'));
  }

  /** Shows a pack (fitting the view when it is a new one) in a language, over an optional basemap. */
  show(data: MapData, lang: Lang, basemap: StyleSpecification | null): void {
    if (data === this.data && lang === this.lang && basemap === this.basemap) return;
    const isNewPack = data !== this.data;
    this.data = data;
    this.lang = lang;
    this.basemap = basemap;
    this.setIdle(false);
    // diff: a language switch becomes setLayoutProperty calls; a new pack replaces the sources.
    this.map.setStyle(buildMapStyle(data, lang, basemap), { diff: !isNewPack });
    if (isNewPack) {
      const [w, s, e, n] = data.bbox;
      this.map.fitBounds([w, s, e, n], { padding: 32, animate: false });
    }
    // A style diff that changes nothing schedules no frame, and `idle` only follows a frame.
    this.map.triggerRepaint();
  }

  private rendersCurrentData(): boolean {
    if (!this.data) return false;
    return Object.values(SOURCE).every(
      (id) => this.map.getSource(id) !== undefined && this.map.isSourceLoaded(id),
    );
  }

  destroy(): void {
    this.map.remove();
  }

  private setIdle(idle: boolean): void {
    this.container.dataset.idle = String(idle);
  }
}
