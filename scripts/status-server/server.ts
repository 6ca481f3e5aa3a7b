import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStatusHandler, type StatusHandler, type StatusHandlerOptions } from './handler.ts';

export interface RunningStatusServer {
  /** e.g. "http://127.0.0.1:4180/"; the feed is at `${url}status.json`. */
  url: string;
  handler: StatusHandler;
  close(): Promise<void>;
}

/** A standalone HTTP server around createStatusHandler (the CLI, and tests that run it in-process). */
export function createStatusServer(
  options: StatusHandlerOptions,
  port: number,
  host = '127.0.0.1',
): Promise<RunningStatusServer> {
  const handler = createStatusHandler(options);
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shownHost}:${actual}/`,
        handler,
        close: () =>
          new Promise((done) => {
            handler.close();
            // Held polls (timeout, oversized) and keep-alive sockets would keep close() waiting.
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
