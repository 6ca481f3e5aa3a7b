import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { writeFixturePacks } from '../fixtures/write-packs.ts';
import { type RunningServer, startAppServer } from './servers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built app serving its embedded packs (Jiading). */
    appUrl: string;
    /** The same build serving the hand-made fixture packs of test/fixtures. */
    fixturesUrl: string;
    /** The fixture packs again, with a config.json that names a basemap style. */
    basemapUrl: string;
    /** The embedded packs with a simulated live feed (manual ticks, 1 s polls, faults switchable). */
    liveUrl: string;
  }
}

/** Builds the app once, then runs it exactly as `npm start` does, twice: embedded packs and fixtures. */
export default async function setup(project: TestProject) {
  if (!process.env.GRIDATLAS_SKIP_BUILD) {
    // vitest sets NODE_ENV=test, which vite would inherit and build React's development bundle with;
    // the tests must run what `npm start` serves.
    execFileSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const packs = mkdtempSync(join(tmpdir(), 'gridatlas-packs-'));
  writeFixturePacks(packs);
  const servers: RunningServer[] = [];
  servers.push(await startAppServer());
  servers.push(await startAppServer(['--regions', packs]));
  servers.push(await startAppServer(['--regions', packs, '--config', join(packs, 'config-basemap.json')]));
  servers.push(
    await startAppServer(['--live', '--status-control', '--status-tick', '0', '--status-interval', '1']),
  );
  project.provide('appUrl', servers[0]?.url ?? '');
  project.provide('fixturesUrl', servers[1]?.url ?? '');
  project.provide('basemapUrl', servers[2]?.url ?? '');
  project.provide('liveUrl', servers[3]?.url ?? '');
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(packs, { recursive: true, force: true });
  };
}
