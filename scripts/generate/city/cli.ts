/**
 * `npm run data:generate -- --scale city`: imported first by ../main.ts. Without `--scale` it does
 * nothing and the district packs are generated as before; with it, it generates the city-scale pack
 * (index.ts), builds its vector tiles (scripts/tiles.ts) unless `--no-tiles`, and exits.
 *   --scale city      the only scale there is
 *   --out <dir>       default data/generated/shanghai (gitignored)
 *   --seed <int>      default 20231122
 *   --micros <n>      micro grids over the city (default 64,000)
 *   --events <n>      volunteer events (default 500,000)
 *   --no-tiles        GeoJSON only (no ogr2ogr needed)
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPackTiles } from '../../tiles.ts';
import { CITY_DEFAULTS, CITY_OUT, generateCity } from './index.ts';

if (process.argv.includes('--scale')) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      scale: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      micros: { type: 'string' },
      events: { type: 'string' },
      'no-tiles': { type: 'boolean', default: false },
    },
  });
  if (values.scale !== 'city') throw new Error(`--scale ${values.scale}: the only scale is "city"`);
  const int = (text: string | undefined, fallback: number, name: string) => {
    const n = text === undefined ? fallback : Number(text);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  const out = resolve(values.out ?? CITY_OUT);
  const started = performance.now();
  generateCity({
    out,
    seed: int(values.seed, CITY_DEFAULTS.seed, 'seed'),
    micros: int(values.micros, CITY_DEFAULTS.micros, 'micros'),
    events: int(values.events, CITY_DEFAULTS.events, 'events'),
  });
  if (!values['no-tiles']) {
    const t = await buildPackTiles(out);
    console.log(
      `shanghai: ${t.seconds.toFixed(1)} s  vector tiles: ${t.tiles} tiles, ${(t.bytes / 1e6).toFixed(1)} MB ` +
        `(largest ${(t.largestBytes / 1e3).toFixed(0)} kB), levels from zoom ${JSON.stringify(t.minzoomByLevel)}`,
    );
  }
  console.log(`shanghai: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(0);
}
