import { type ChildProcess, spawn } from 'node:child_process';

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** Starts the real app server (scripts/serve.ts) on a free port of 127.0.0.1 and waits for its URL. */
export function startAppServer(extraArgs: string[] = []): Promise<RunningServer> {
  const child: ChildProcess = spawn(
    'node_modules/.bin/tsx',
    ['scripts/serve.ts', '--port', '0', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`app server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GridAtlas: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        stop: () =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app server exited with ${code}:\n${output}`));
    });
  });
}
