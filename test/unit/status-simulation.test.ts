import { beforeAll, describe, expect, it } from 'vitest';
import { createSimulation } from '../../scripts/status-server/simulation.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { mergeStatus } from '../../src/data/status-merge.ts';
import { parseStatusFeed } from '../../src/data/status-parse.ts';
import type { StatusFeed } from '../../src/data/status-schema.ts';
import { statusPack } from '../fixtures/status-fixtures.ts';

let pack: RegionPack;
beforeAll(async () => {
  pack = await statusPack();
});

const T0 = Date.parse('2026-05-01T08:00:00+08:00');

/** Runs a simulation for `ticks` ticks one second apart and returns every snapshot. */
function run(seed: number, ticks: number): StatusFeed[] {
  const sim = createSimulation(pack, { seed });
  const out: StatusFeed[] = [];
  for (let i = 1; i <= ticks; i++) {
    sim.step(T0 + i * 1000);
    out.push(sim.snapshot(T0 + i * 1000));
  }
  return out;
}

describe('the status server simulation', () => {
  it('is deterministic: the same seed gives the same feeds, another seed others', () => {
    expect(run(7, 60)).toEqual(run(7, 60));
    expect(JSON.stringify(run(8, 60).at(-1))).not.toBe(JSON.stringify(run(7, 60).at(-1)));
  });

  it('produces feeds the app accepts and that reference only the pack', () => {
    for (const feed of run(3, 200)) {
      const text = JSON.stringify(feed);
      expect(parseStatusFeed(text, { regionId: 'tiny', now: Date.parse(feed.generatedAt) })).toEqual(feed);
      expect(mergeStatus(pack, feed).dropped).toEqual([]);
    }
  });

  it('moves like a district: progress only grows, alerts open and close on the finest cells', () => {
    const feeds = run(3, 200);
    const progress = (f: StatusFeed, id: string) => f.projects.find((p) => p.id === id)?.progress ?? 40;
    for (let i = 1; i < feeds.length; i++) {
      expect(progress(feeds[i] as StatusFeed, 'P1')).toBeGreaterThanOrEqual(
        progress(feeds[i - 1] as StatusFeed, 'P1'),
      );
    }
    const alerts = feeds.flatMap((f) => f.alerts);
    expect(alerts.some((a) => a.closedAt !== undefined)).toBe(true);
    expect(new Set(alerts.map((a) => a.cell))).not.toContain('A1');
    const last = feeds.at(-1) as StatusFeed;
    expect(last.activity.length).toBe(100);
    for (const p of last.projects) if (p.status === 'done') expect(p.progress).toBe(100);
  });
});
