/**
 * npm start: serves the built app (dist/) on 127.0.0.1 with the Content-Security-Policy built from the
 * runtime config (dist/config.json). Options:
 *   --port <n>        default 4173 (or $PORT)
 *   --host <addr>     default 127.0.0.1 (use 0.0.0.0 to serve a wall screen on the network)
 *   --regions <dir>   serve region packs from this folder instead of the embedded ones
 *   --config <file>   serve this file as config.json instead of dist/config.json
 * The same server runs under the browser tests, so what they test is what users run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import sirv from 'sirv';
import { contentSecurityPolicy, DEFAULT_CONFIG, runtimeConfigSchema } from '../src/config/runtime-config.ts';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4173' },
    host: { type: 'string', default: process.env.HOST ?? '127.0.0.1' },
    regions: { type: 'string' },
    config: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
  },
});

const dist = resolve(values.dist);
if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`No built app in ${dist}: run "npm run build" first (npm start does).`);
  process.exit(1);
}

const configFile = resolve(values.config ?? resolve(dist, 'config.json'));
const configText = existsSync(configFile) ? readFileSync(configFile, 'utf8') : null;

/** The runtime config the CSP is built from; a broken file stops the server with its reason. */
function readConfig() {
  if (configText === null) return DEFAULT_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(configText);
  } catch {
    console.error(`${configFile}: not valid JSON`);
    process.exit(1);
  }
  const parsed = runtimeConfigSchema.safeParse(json);
  if (!parsed.success) {
    console.error(
      `${configFile}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
    process.exit(1);
  }
  return parsed.data;
}

const csp = contentSecurityPolicy(readConfig());
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
const regionsDir = values.regions ? resolve(values.regions) : null;
const regions = regionsDir
  ? sirv(regionsDir, { etag: true, dev: true, setHeaders: types, onNoMatch: notFound })
  : null;

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (values.config && configText !== null && url.split('?')[0] === '/config.json') {
    types(res, '/config.json');
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(configText);
    return;
  }
  if (regions && url.startsWith('/regions/')) {
    req.url = url.slice('/regions'.length);
    regions(req, res);
    return;
  }
  app(req, res);
});

server.listen(Number(values.port), values.host, () => {
  // With --port 0 the system picks a free port; tests read it from this line.
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : values.port;
  const where = `http://${values.host}:${port}/`;
  console.log(`GridAtlas: ${where}${regionsDir ? ` (region packs from ${regionsDir})` : ''}`);
});
