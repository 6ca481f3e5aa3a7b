import { type ChildProcess, spawn } from 'node:child_process';

export interface SpawnedServer {
  /** The first capture group of `ready` in the server's output (its URL). */
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts one of our servers (tsx <script> …) as a child process and waits until its output matches
 * `ready` — the line where it prints the URL it listens on (port 0 = a free port).
 */
export function spawnServer(
  script: string,
  args: string[],
  ready: RegExp,
  label: string,
): Promise<SpawnedServer> {
  const child: ChildProcess = spawn('node_modules/.bin/tsx', [script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${label} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = ready.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      resolve({
        url,
        stop: () =>
          new Promise((done) => {
            // A child killed by a signal has signalCode set and exitCode null: it will not exit again.
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited with ${code}:\n${output}`));
    });
  });
}
