/**
 * npm start: serves the built app (dist/) on 127.0.0.1 with the Content-Security-Policy built from the
 * runtime config (dist/config.json). Options:
 *   --port <n>             default 4173 (or $PORT)
 *   --host <addr>          default 127.0.0.1 (use 0.0.0.0 to serve a wall screen on the network)
 *   --regions <dir>        serve region packs from this folder instead of the embedded ones
 *   --config <file>        serve this file as config.json instead of dist/config.json
 *   --live                 also serve a simulated live status feed for every pack, at
 *                          /status/<region>/status.json, and point the app at it (demo and tests;
 *                          the feed is synthetic, like the embedded packs)
 *   --status-interval <s>  with --live: how often the app polls (default: the config's, 30 s)
 *   --status-tick <ms>     with --live: how often the simulation moves on (default 5000)
 *   --status-control       with --live: serve /status/<region>/__control to inject faults (tests only)
 * The same server runs under the browser tests, so what they test is what users run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import {
  contentSecurityPolicy,
  DEFAULT_CONFIG,
  type RuntimeConfig,
  runtimeConfigSchema,
} from '../src/config/runtime-config.ts';
import { loadRegionPack } from '../src/data/pack-loader.ts';
import { parseRegionIndex } from '../src/data/region-index.ts';
import { fsPackSource } from './lib/fs-pack-source.ts';
import { createStatusHandler, type StatusHandler } from './status-server/handler.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    regions: { type: 'string' },
    config: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    live: { type: 'boolean', default: false },
    'status-interval': { type: 'string' },
    'status-tick': { type: 'string', default: '5000' },
    'status-control': { type: 'boolean', default: false },
  },
});

const dist = resolve(values.dist);
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built app in ${dist}: run "npm run build" first (npm start does).`);
  process.exit(1);
}
const regionsDir = resolve(values.regions ?? join(dist, 'regions'));

const fail = (message: string): never => {
  console.error(message);
  process.exit(1);
};

/** The runtime config the CSP is built from; a broken file stops the server with its reason. */
function readConfig(file: string): RuntimeConfig {
  if (!existsSync(file)) return DEFAULT_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fail(`${file}: not valid JSON`);
  }
  const parsed = runtimeConfigSchema.safeParse(json);
  if (!parsed.success)
    return fail(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** One simulated feed per pack listed in index.json, each under /status/<id>/. */
async function liveFeeds(): Promise<Map<string, StatusHandler>> {
  const index = parseRegionIndex(readFileSync(join(regionsDir, 'index.json'), 'utf8'));
  if ('error' in index) return fail(index.error);
  const feeds = new Map<string, StatusHandler>();
  for (const id of index.ids) {
    const { pack, problems } = await loadRegionPack(fsPackSource(join(regionsDir, id)), { expectedId: id });
    if (!pack) {
      console.error(
        `--live: pack "${id}" does not load (${problems[0]?.message ?? 'unknown error'}); no feed for it`,
      );
      continue;
    }
    feeds.set(
      id,
      createStatusHandler({
        pack,
        seed: 1,
        tickMs: Number(values['status-tick']),
        control: values['status-control'],
      }),
    );
  }
  return feeds;
}

let config = readConfig(resolve(values.config ?? join(dist, 'config.json')));
const feeds = values.live ? await liveFeeds() : new Map<string, StatusHandler>();
if (values.live) {
  config = {
    ...config,
    statusUrl: 'status/{region}/status.json',
    ...(values['status-interval'] ? { statusIntervalSeconds: Number(values['status-interval']) } : {}),
  };
}
// The served config.json is the one the CSP was built from, whatever the flags changed.
const configText = `${JSON.stringify(config, null, 2)}\n`;
const csp = contentSecurityPolicy(config);

const security = (res: ServerResponse) => {
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
};
const types = (res: ServerResponse, pathname: string) => {
  security(res);
  if (pathname.endsWith('.geojson')) res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
  // Packs and config change without a rebuild; hashed assets never change.
  res.setHeader(
    'Cache-Control',
    pathname.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
};
const notFound = (_req: IncomingMessage, res: ServerResponse) => {
  security(res);
  res.statusCode = 404;
  res.end('Not found');
};
const app = sirv(dist, { etag: true, gzip: true, setHeaders: types, onNoMatch: notFound });
const regions = values.regions
  ? sirv(regionsDir, { etag: true, dev: true, setHeaders: types, onNoMatch: notFound })
  : null;

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  const path = url.split('?')[0] ?? '/';
  if (path === '/config.json') {
    types(res, path);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(configText);
    return;
  }
  const live = /^\/status\/([a-z0-9-]+)(\/.*)$/.exec(url);
  const feed = live ? feeds.get(live[1] ?? '') : undefined;
  if (live && feed) {
    req.url = live[2];
    feed(req, res);
    return;
  }
  if (regions && url.startsWith('/regions/')) {
    req.url = url.slice('/regions'.length);
    regions(req, res);
    return;
  }
  app(req, res);
});

const stop = () => {
  for (const feed of feeds.values()) feed.close();
  server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(Number(values.port), values.host, () => {
  // With --port 0 the system picks a free port; tests read it from this line.
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  const where = `http://${values.host}:${port}/`;
  const extras = [
    values.regions ? `region packs from ${regionsDir}` : '',
    feeds.size ? `simulated live status for ${[...feeds.keys()].join(', ')}` : '',
  ].filter(Boolean);
  console.log(`GridAtlas: ${where}${extras.length ? ` (${extras.join('; ')})` : ''}`);
});
