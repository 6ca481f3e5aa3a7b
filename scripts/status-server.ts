/**
 * npm run status-server -- <pack folder> [options]: serves a live status feed for a region pack, for
 * development and tests (docs/status-feed.md, "The development status server").
 *   --port <n>       default 4180; 0 lets the system pick a free port
 *   --host <addr>    default 127.0.0.1
 *   --seed <n>       default 1; the same seed and the same ticks give the same feeds
 *   --tick-ms <n>    one simulation tick every n ms (default 1000); 0 = only on /__control?advance=n
 *   --level <l>      normal | urgent | emergency (default normal)
 * Prints "status server: http://<host>:<port>/status.json" once listening; tests read the port from it.
 */
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadRegionPack } from '../src/data/pack-loader.ts';
import { formatProblem } from '../src/data/problem.ts';
import { RESPONSE_LEVELS, type ResponseLevel } from '../src/data/status-schema.ts';
import { fsPackSource } from './lib/fs-pack-source.ts';
import { createStatusServer } from './status-server/server.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: '4180' },
    host: { type: 'string', default: '127.0.0.1' },
    seed: { type: 'string', default: '1' },
    'tick-ms': { type: 'string', default: '1000' },
    level: { type: 'string', default: 'normal' },
  },
});

const folder = positionals[0];
if (!folder) fail('usage: npm run status-server -- <pack folder> [--port 0] [--seed n] [--tick-ms n]');
const integer = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} must be a whole number ≥ 0, got "${text}"`);
  return n;
};
const port = integer('port', values.port);
const seed = integer('seed', values.seed);
const tickMs = integer('tick-ms', values['tick-ms']);
const level = values.level as ResponseLevel;
if (!RESPONSE_LEVELS.includes(level)) fail(`--level must be one of ${RESPONSE_LEVELS.join(', ')}`);

const dir = resolve(folder);
const { pack, problems } = await loadRegionPack(fsPackSource(dir), { expectedId: basename(dir) });
if (!pack) fail(`${folder}: the pack does not load:\n${problems.map(formatProblem).join('\n')}`);

const server = await createStatusServer({ pack, seed, tickMs, level }, port, values.host);
console.log(`status server: ${server.url}status.json`);
console.log(`control: ${server.url}__control (e.g. ?fault=http500, ?fault=none, ?advance=5)`);

const stop = () => {
  server.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
