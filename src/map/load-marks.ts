import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Performance marks of a pack's first appearance, after MapLibre's page benchmark
 * (maplibre-gl-js test/bench/e2e: styleLoad, mapLoad, mapIdle). `npm run bench` reads them, and the
 * bare MapLibre page it compares us with sets the same three marks by the same rules
 * (scripts/bench/bare-page/bare.js), so the two pages are timed alike:
 *  - `gridatlas:style-load`: the style carrying the pack's sources has loaded (`style.load`);
 *  - `gridatlas:map-load`: the first frame drawn with that style and all its sources loaded
 *    (what MapLibre's own `load` event means; our map's `load` fired long before, for its empty
 *    start style);
 *  - `gridatlas:map-idle`: the first `idle` with the pack's data rendered.
 * Each mark carries the pack id as `detail`; times are the marks' startTime (ms since navigation).
 */
export class LoadMarks {
  private regionId: string | null = null;
  private idleMarked = true;

  constructor(private readonly map: MapLibreMap) {}

  /** A new pack's style was just given to the map. */
  begin(regionId: string): void {
    this.regionId = regionId;
    this.idleMarked = false;
    const onRender = () => {
      if (this.regionId !== regionId || !this.map.isStyleLoaded()) return;
      this.map.off('render', onRender);
      performance.mark('gridatlas:map-load', { detail: regionId });
    };
    this.map.once('style.load', () => {
      if (this.regionId !== regionId) return;
      performance.mark('gridatlas:style-load', { detail: regionId });
      this.map.on('render', onRender);
    });
  }

  /** The map is idle with the current pack's data rendered; returns the pack's id the first time. */
  idle(): string | null {
    if (this.idleMarked || this.regionId === null) return null;
    this.idleMarked = true;
    performance.mark('gridatlas:map-idle', { detail: this.regionId });
    return this.regionId;
  }
}
