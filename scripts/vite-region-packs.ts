import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import type { Plugin } from 'vite';

/**
 * Serves the embedded region packs under /regions/ in the dev server and copies them into
 * dist/regions/ at build time: packs stay plain data files, never bundled into JavaScript.
 */
export function regionPacks(folder = 'data/regions'): Plugin {
  let outDir = 'dist';
  return {
    name: 'gridatlas-region-packs',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      const serve = sirv(resolve(folder), { dev: true, etag: true });
      server.middlewares.use('/regions', (req, res, next) => serve(req, res, next));
    },
    closeBundle() {
      cpSync(resolve(folder), resolve(outDir, 'regions'), { recursive: true });
    },
  };
}
