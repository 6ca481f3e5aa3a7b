import { setWorkerUrl } from 'maplibre-gl';
// The worker ships as a file of our own, so CSP can say worker-src 'self' and no blob code runs.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

setWorkerUrl(workerUrl);
