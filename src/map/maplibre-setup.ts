import { addProtocol, prewarm, setWorkerUrl } from 'maplibre-gl';
// The worker ships as a file of our own, so CSP can say worker-src 'self' and no blob code runs.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
// Start MapLibre's workers now, while the pack loads, rather than when the map is created.
prewarm();

let pmtiles: Promise<void> | null = null;
let pmtilesReady = false;

/**
 * Registers the `pmtiles://` protocol (a pack whose grid tiles are one .pmtiles archive, read with HTTP
 * range requests by the pmtiles package). The package is loaded on first use: other packs never need it.
 */
export function registerPmtiles(): Promise<void> {
  pmtiles ??= import('pmtiles').then(({ Protocol }) => {
    addProtocol('pmtiles', new Protocol().tile);
    pmtilesReady = true;
  });
  return pmtiles;
}

export const isPmtilesRegistered = (): boolean => pmtilesReady;
