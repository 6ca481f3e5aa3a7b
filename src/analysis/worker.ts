/**
 * The Web Worker entry: the coverage analysis off the main thread, so the map never freezes while it
 * runs (it takes a few hundred ms on a district, more on a pack that needs clipping everywhere).
 * Imports nothing from map/, ui/ or state/: only data loading and pure analysis.
 * The page talks to it through client.ts.
 */
import { expose } from 'comlink';
import { httpPackSource } from '../data/pack-source.ts';
import { pagedAnalysisService } from './paged-service.ts';
import { createAnalysisService } from './service.ts';

expose(pagedAnalysisService(createAnalysisService({ sourceFor: (url) => httpPackSource(url) })));
