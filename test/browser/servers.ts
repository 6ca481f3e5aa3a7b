import { type SpawnedServer, spawnServer } from '../support/spawn-server.ts';

export type RunningServer = SpawnedServer;

/** Starts the real app server (scripts/serve.ts) on a free port of 127.0.0.1 and waits for its URL. */
export function startAppServer(extraArgs: string[] = []): Promise<RunningServer> {
  return spawnServer(
    'scripts/serve.ts',
    ['--port', '0', ...extraArgs],
    /GridAtlas: (http:\/\/127\.0\.0\.1:\d+\/)/,
    'app server',
  );
}
