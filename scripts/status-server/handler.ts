import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegionPack } from '../../src/data/region-pack.ts';
import type { ResponseLevel } from '../../src/data/status-schema.ts';
import { type ControlRequest, controlSchema, DEFAULT_FAULT, type FaultState, nextFault } from './control.ts';
import { answerPoll, sendText } from './responses.ts';
import { createSimulation, type Simulation } from './simulation.ts';

export interface StatusHandlerOptions {
  pack: RegionPack;
  /** Seeds the simulation: the same seed and the same ticks give the same feeds. */
  seed?: number;
  /** One simulation tick every this many ms; 0 = only when /__control says `advance`. */
  tickMs?: number;
  level?: ResponseLevel;
  /** Serve /__control (faults, level, advance, counters). Only for development and tests. */
  control?: boolean;
  /** The clock, for timestamps. */
  now?: () => number;
}

export interface RequestCounters {
  /** Polls of /status.json received. */
  total: number;
  /** Polls being answered now. */
  inFlight: number;
  /** The most polls ever answered at once: 1 means the client never overlapped its polls. */
  maxInFlight: number;
  /** Polls whose connection closed before the answer was complete (client abort or timeout). */
  aborted: number;
}

export interface ControlState {
  region: string;
  seed: number;
  tick: number;
  level: ResponseLevel;
  fault: FaultState;
  requests: RequestCounters;
}

/** A node:http request handler with the simulation behind it; `close()` stops its timer and held polls. */
export interface StatusHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  readonly simulation: Simulation;
  state(): ControlState;
  close(): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_CONTROL_BODY = 16 * 1024;

function commonHeaders(res: ServerResponse): void {
  // The app may run on another origin (vite dev on :5173, the tests' app server on a random port).
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
  res.setHeader('Access-Control-Max-Age', '600');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_CONTROL_BODY) {
        reject(new Error(`control body larger than ${MAX_CONTROL_BODY} bytes`));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function readControl(req: IncomingMessage, url: URL): Promise<ControlRequest> {
  let input: unknown = Object.fromEntries(url.searchParams);
  if (req.method === 'POST') {
    const text = await readBody(req);
    try {
      input = text.trim() === '' ? {} : JSON.parse(text);
    } catch {
      throw new Error('the control body is not valid JSON');
    }
  }
  const parsed = controlSchema.safeParse(input);
  if (!parsed.success) {
    throw new Error(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data;
}

/**
 * Serves `GET /status.json` (the live feed of `options.pack`, or the fault switched on) and, unless
 * `control: false`, `GET|POST /__control`. Paths are matched as the request arrives, so a server that
 * mounts it under a prefix strips the prefix from `req.url` first (see docs/status-feed.md).
 */
export function createStatusHandler(options: StatusHandlerOptions): StatusHandler {
  const now = options.now ?? Date.now;
  const seed = options.seed ?? 1;
  const simulation = createSimulation(options.pack, { seed, level: options.level ?? 'normal' });
  let fault = DEFAULT_FAULT;
  const counters: RequestCounters = { total: 0, inFlight: 0, maxInFlight: 0, aborted: 0 };
  const held = new Set<ServerResponse>();
  const tickMs = options.tickMs ?? 1000;
  const timer = tickMs > 0 ? setInterval(() => simulation.step(now()), tickMs) : null;
  // Embedded in another server, the ticks must not keep the process alive on their own.
  timer?.unref();

  const state = (): ControlState => ({
    region: simulation.region,
    seed,
    tick: simulation.tick,
    level: simulation.level,
    fault,
    requests: { ...counters },
  });

  const apply = (request: ControlRequest) => {
    fault = nextFault(fault, request);
    if (request.level !== undefined) simulation.setLevel(request.level, now());
    for (let i = 0; i < (request.advance ?? 0); i++) simulation.step(now());
    if (request.resetCounters) {
      counters.total = 0;
      counters.maxInFlight = counters.inFlight;
      counters.aborted = 0;
    }
  };

  const poll = (res: ServerResponse) => {
    counters.total++;
    counters.inFlight++;
    counters.maxInFlight = Math.max(counters.maxInFlight, counters.inFlight);
    res.on('close', () => {
      counters.inFlight--;
      if (!res.writableFinished) counters.aborted++;
    });
    answerPoll(res, fault, {
      feed: () => simulation.snapshot(now()),
      now: now(),
      hold: (r) => {
        held.add(r);
        r.on('close', () => held.delete(r));
      },
    });
  };

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    commonHeaders(res);
    const url = new URL(req.url ?? '/', 'http://status.invalid');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    if (url.pathname === '/status.json' && (req.method === 'GET' || req.method === 'HEAD')) {
      poll(res);
      return;
    }
    if (
      url.pathname === '/__control' &&
      options.control !== false &&
      (req.method === 'GET' || req.method === 'POST')
    ) {
      readControl(req, url).then(
        (request) => {
          apply(request);
          sendText(res, 200, JSON_TYPE, JSON.stringify(state()));
        },
        (err: Error) => sendText(res, 400, JSON_TYPE, JSON.stringify({ error: err.message })),
      );
      return;
    }
    sendText(res, 404, JSON_TYPE, JSON.stringify({ error: `no ${req.method} ${url.pathname} here` }));
  };

  return Object.assign(handler, {
    simulation,
    state,
    close() {
      if (timer) clearInterval(timer);
      for (const res of held) res.destroy();
      held.clear();
    },
  });
}
