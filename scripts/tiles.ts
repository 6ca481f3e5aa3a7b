/**
 * npm run tiles -- <pack folder> [--maxzoom 14] [--pmtiles]
 *
 * Serves a pack's grid as vector tiles (docs/region-pack.md, "Grid levels as vector tiles"): reads the
 * pack's GeoJSON grid, derives what the map draws exactly as the page does for a GeoJSON pack
 * (gridSourceData: slim properties, neighbour colours, ancestors; labelPoints: a label point per cell),
 * cuts it into a directory of Mapbox Vector Tiles with GDAL's `ogr2ogr -f MVT` (uncompressed `.pbf`,
 * `tiles/{z}/{x}/{y}.pbf`), writes the attribute index (`grid-index.json`) and adds `gridTiles` to
 * region.json. The GeoJSON grid stays in the pack for the command-line tools. With `--pmtiles` the
 * same tiles go into one archive, `grid.pmtiles` (scripts/lib/pmtiles-writer.ts), read by the page with
 * HTTP range requests: one file to copy instead of thousands.
 *
 * Each level goes into the tiles from the zoom where the page can need it (drilled into its parent),
 * not from zoom 0: a city's 60,000 micro grids in one zoom-8 tile would be slower than GeoJSON.
 *
 * Needs GDAL's ogr2ogr (Debian: `apt-get install gdal-bin`). For production, the same tiles come from
 * tippecanoe (`tippecanoe -e tiles --no-tile-compression -L grids:grids.geojson …`), or are served live
 * by Martin or pg_tileserv from PostGIS (ST_AsMVT); any of them fits the `tiles` URL template.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Compression, TileType } from 'pmtiles';
import { encodeGridIndex } from '../src/data/grid-index-file.ts';
import { loadPackCore, MANIFEST_FILE } from '../src/data/pack-loader.ts';
import { gridSourceData, labelPoints, levelZooms, medianCellSizes } from '../src/layers/grid-derived.ts';
import { fsPackSource } from './lib/fs-pack-source.ts';
import { writePmtiles } from './lib/pmtiles-writer.ts';

export const OGR2OGR_MISSING =
  'ogr2ogr (GDAL) is needed to cut vector tiles. On Debian/Ubuntu, as root: apt-get update && apt-get install -y gdal-bin';

export interface TilesReport {
  tiles: number;
  bytes: number;
  largestBytes: number;
  /** Tile zoom from which each level (and its labels) is in the tiles. */
  minzoomByLevel: Record<string, number>;
  seconds: number;
}

export const TILE_LAYERS = { cells: 'grids', labels: 'labels' } as const;
export const TILES_DIR = 'tiles';
export const INDEX_FILE = 'grid-index.json';
export const PMTILES_FILE = 'grid.pmtiles';

export function hasOgr2ogr(): boolean {
  return spawnSync('ogr2ogr', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * The zoom from which a level must be in the tiles: when its parent is drilled into (fitted to the
 * screen, ~400 px) its cells are clickable and named, so a zoom below that; the finest level is also the
 * veil over everything outside a drilled-into top-level cell, so it must be there from that fit on (not
 * a zoom earlier: at city scale the finest level's tiles one zoom lower are 2–3 times heavier).
 */
export function levelTileMinzooms(zooms: ReturnType<typeof levelZooms>, maxzoom: number): number[] {
  const fitted = zooms.map((z) => z.labelsFrom + Math.log2(400 / 110));
  const leaf = zooms.length - 1;
  return zooms.map((z, depth) => {
    if (depth === 0) return 0;
    const drilled = Math.floor(fitted[depth - 1] ?? 0) - 1;
    const veil = depth === leaf ? Math.floor(fitted[0] ?? 0) : Number.POSITIVE_INFINITY;
    // Outlines fade in from opacity 0 at linesFrom: rounding misses at most the faintest half zoom.
    return Math.max(0, Math.min(maxzoom, Math.round(z.linesFrom), drilled, veil));
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.pbf'))
    .map((e) => join(e.parentPath, e.name));
}

export async function buildPackTiles(
  packDir: string,
  options: { maxzoom?: number; pmtiles?: boolean } = {},
): Promise<TilesReport> {
  const started = performance.now();
  if (!hasOgr2ogr()) throw new Error(OGR2OGR_MISSING);
  const maxzoom = options.maxzoom ?? 14;
  const dir = resolve(packDir);
  const { core, problems } = await loadPackCore(fsPackSource(dir));
  if (!core) {
    throw new Error(
      `${dir}: the pack does not load: ${problems
        .slice(0, 5)
        .map((p) => `${p.file}: ${p.featureId ?? '-'}: ${p.message} [${p.rule}]`)
        .join('; ')}`,
    );
  }
  if (core.grid.geometryless) throw new Error(`${dir}: tiles are cut from the GeoJSON grid (layers.grids)`);
  const levels = core.grid.levels;
  const minzooms = levelTileMinzooms(levelZooms(core.grid), maxzoom);
  const cells = gridSourceData(core).features;
  const labels = labelPoints(core).features.filter((f) => f.properties.kind !== 'admin');
  const labelAt = new Map(labels.map((f) => [f.properties.id, f.geometry.coordinates]));

  const work = mkdtempSync(join(tmpdir(), 'gridatlas-tiles-'));
  let archiveTiles = 0;
  try {
    const layers: { name: string; target: string; minzoom: number }[] = [];
    levels.forEach((level, depth) => {
      const minzoom = minzooms[depth] ?? 0;
      for (const [kind, features] of [
        ['cells', cells.filter((f) => f.properties.level === level)],
        ['labels', labels.filter((f) => f.properties.kind === level)],
      ] as const) {
        const name = `${kind}_${depth}`;
        writeFileSync(
          join(work, `${name}.geojson`),
          JSON.stringify({ type: 'FeatureCollection', name, features }),
        );
        layers.push({ name, target: TILE_LAYERS[kind], minzoom });
      }
    });
    const vrt = [
      '<OGRVRTDataSource>',
      ...layers.map(
        (l) =>
          `  <OGRVRTLayer name="${l.name}"><SrcDataSource>${join(work, `${l.name}.geojson`)}</SrcDataSource><SrcLayer>${l.name}</SrcLayer></OGRVRTLayer>`,
      ),
      '</OGRVRTDataSource>',
    ].join('\n');
    writeFileSync(join(work, 'grid.vrt'), vrt);
    // Several source layers merged into one tile layer, each from its own zoom (GDAL MVT driver, CONF).
    const conf = Object.fromEntries(
      layers.map((l) => [l.name, { target_name: l.target, minzoom: l.minzoom, maxzoom }]),
    );
    const out = options.pmtiles ? join(work, TILES_DIR) : join(dir, TILES_DIR);
    rmSync(join(dir, TILES_DIR), { recursive: true, force: true });
    rmSync(join(dir, PMTILES_FILE), { force: true });
    const run = spawnSync(
      'ogr2ogr',
      [
        '-f',
        'MVT',
        out,
        join(work, 'grid.vrt'),
        '-dsco',
        'MINZOOM=0',
        '-dsco',
        `MAXZOOM=${maxzoom}`,
        // Plain protobuf: a static server sends the files as they are, and MapLibre cannot gunzip them.
        '-dsco',
        'COMPRESS=NO',
        '-dsco',
        `CONF=${JSON.stringify(conf)}`,
        // Never drop features to meet GDAL's default tile size cap (500 kB): a missing cell is a gap.
        '-dsco',
        'MAX_SIZE=4000000',
        '-dsco',
        'MAX_FEATURES=1000000',
        '-dsco',
        `NAME=${core.manifest.id}`,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`ogr2ogr failed (${run.status}): ${run.stderr || run.stdout}`);
    if (options.pmtiles) {
      const tiles = listFiles(out).map((file) => {
        const [z, x, y] = file
          .slice(out.length + 1, -'.pbf'.length)
          .split('/')
          .map(Number);
        return { z: z as number, x: x as number, y: y as number, data: readFileSync(file) };
      });
      const [w, s, e, n] = core.bbox;
      const archive = writePmtiles(tiles, {
        tileCompression: Compression.None,
        tileType: TileType.Mvt,
        bounds: [w, s, e as number, n as number],
        metadata: {
          name: core.manifest.id,
          vector_layers: Object.values(TILE_LAYERS).map((id) => ({ id, fields: {} })),
        },
      });
      writeFileSync(join(dir, PMTILES_FILE), archive);
      archiveTiles = tiles.length;
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  writeFileSync(
    join(dir, INDEX_FILE),
    JSON.stringify(
      encodeGridIndex(
        levels,
        core.grid.cells.map((c) => ({
          properties: c.properties,
          bbox: core.grid.bbox.get(c.properties.id) ?? [0, 0, 0, 0],
          // The tiles' own label point: where the page puts a cell's alert marker.
          ...(labelAt.has(c.properties.id) ? { label: labelAt.get(c.properties.id) } : {}),
        })),
      ),
    ),
  );
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const medians = medianCellSizes(core.grid);
  manifest.gridTiles = {
    // Lets the page style the tiles before it reads the index (docs/region-pack.md).
    cellSizes: Object.fromEntries(levels.map((l, i) => [l, Number((medians[i] ?? 0.01).toPrecision(6))])),
    tiles: options.pmtiles ? PMTILES_FILE : `${TILES_DIR}/{z}/{x}/{y}.pbf`,
    index: INDEX_FILE,
    minzoom: 0,
    maxzoom,
    layers: TILE_LAYERS,
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

  const sizes = options.pmtiles ? [] : listFiles(join(dir, TILES_DIR)).map((f) => statSync(f).size);
  if (options.pmtiles) sizes.push(statSync(join(dir, PMTILES_FILE)).size);
  return {
    tiles: options.pmtiles ? archiveTiles : sizes.length,
    bytes: sizes.reduce((a, b) => a + b, 0),
    largestBytes: Math.max(0, ...sizes),
    minzoomByLevel: Object.fromEntries(levels.map((l, i) => [l, minzooms[i] ?? 0])),
    seconds: (performance.now() - started) / 1000,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { maxzoom: { type: 'string' }, pmtiles: { type: 'boolean', default: false } },
  });
  const folder = positionals[0];
  if (!folder) {
    console.error('usage: npm run tiles -- <pack folder> [--maxzoom 14] [--pmtiles]');
    process.exit(2);
  }
  try {
    const r = await buildPackTiles(folder, {
      pmtiles: values.pmtiles,
      ...(values.maxzoom ? { maxzoom: Number(values.maxzoom) } : {}),
    });
    console.log(
      `${folder}: ${r.tiles} tiles, ${(r.bytes / 1e6).toFixed(1)} MB ${values.pmtiles ? 'in one archive' : `(largest ${(r.largestBytes / 1e3).toFixed(0)} kB)`}, ` +
        `levels from zoom ${JSON.stringify(r.minzoomByLevel)}, ${r.seconds.toFixed(1)} s; wrote ${values.pmtiles ? PMTILES_FILE : `${TILES_DIR}/`}, ${INDEX_FILE}, gridTiles in ${MANIFEST_FILE}`,
    );
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
