import type { ServerResponse } from 'node:http';
import type { StatusFeed } from '../../src/data/status-schema.ts';
import { isoShanghai } from './clock.ts';
import type { FaultState } from './control.ts';

/** How each fault answers one poll of /status.json. Headers common to all answers are set by the handler. */

const JSON_TYPE = 'application/json; charset=utf-8';

export function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': bytes.byteLength });
  res.end(bytes);
}

const htmlPage = (status: number) =>
  `<!DOCTYPE html>\n<html><head><title>${status === 200 ? 'Sign in' : '502 Bad Gateway'}</title></head>` +
  `<body><h1>${status === 200 ? 'Please sign in' : '502 Bad Gateway'}</h1><hr><p>nginx</p></body></html>\n`;

/** Breaks three rules at once, so a test can check that the message names the first and counts the rest. */
function breakSchema(feed: StatusFeed): unknown {
  return {
    ...feed,
    responseLevel: 'panic',
    projects: [{ id: 'P-any', progress: '57%' }, ...feed.projects],
    alerts: [
      { id: 'bad-alert', cell: 'nowhere', kind: 'fire', severity: 'high', openedAt: 'yesterday' },
      ...feed.alerts,
    ],
  };
}

/**
 * A body that never ends: `sizeBytes` of padding inside what starts like a feed, written as the client
 * reads it. Only a client that counts bytes while reading can tell "too large" from "timed out".
 */
function streamOversized(res: ServerResponse, sizeBytes: number): void {
  res.writeHead(200, { 'Content-Type': JSON_TYPE });
  res.write('{"format":"gridatlas.status/1","padding":"');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < sizeBytes && !res.destroyed) {
      sent += chunk.byteLength;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

export interface FeedAnswer {
  /** The feed as the simulation has it now. */
  feed: () => StatusFeed;
  now: number;
  /** Keeps an answer that is never finished, so the server can destroy it when it closes. */
  hold: (res: ServerResponse) => void;
}

export function answerPoll(res: ServerResponse, fault: FaultState, answer: FeedAnswer): void {
  const { feed, now } = answer;
  const send = (value: unknown) => sendText(res, 200, JSON_TYPE, JSON.stringify(value));
  switch (fault.name) {
    case 'none':
      send(feed());
      return;
    case 'slow': {
      // The feed is built when it is sent, so a slow answer is as fresh as a quick one.
      const timer = setTimeout(() => send(feed()), fault.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'timeout':
      answer.hold(res);
      return;
    case 'http500':
      sendText(res, 500, JSON_TYPE, '{"error":"internal server error"}');
      return;
    case 'html':
      sendText(
        res,
        fault.htmlStatus,
        fault.mislabelled ? JSON_TYPE : 'text/html; charset=utf-8',
        htmlPage(fault.htmlStatus),
      );
      return;
    case 'truncated': {
      // Cut by characters, not bytes: the client must see cut-short JSON, not broken UTF-8.
      const text = JSON.stringify(feed());
      sendText(res, 200, JSON_TYPE, text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    case 'drop': {
      const bytes = Buffer.from(JSON.stringify(feed()), 'utf8');
      res.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': bytes.byteLength });
      res.write(bytes.subarray(0, Math.floor(bytes.byteLength / 2)), () => res.destroy());
      return;
    }
    case 'oversized':
      answer.hold(res);
      streamOversized(res, fault.sizeBytes);
      return;
    case 'invalid-schema':
      send(breakSchema(feed()));
      return;
    case 'wrong-region': {
      const f = feed();
      send({ ...f, region: `not-${f.region}` });
      return;
    }
    case 'future':
      send({ ...feed(), generatedAt: isoShanghai(now + 24 * 3600_000) });
      return;
    case 'out-of-order':
      send({ ...feed(), generatedAt: isoShanghai(now - 3600_000) });
      return;
  }
}
