/** Partnership and activity findings on tiny packs whose answers can be read off the fixture. */
import { describe, expect, it } from 'vitest';
import { activitySteps, resolveActivityWindow } from '../../src/analysis/activity.ts';
import { analysePack } from '../../src/analysis/analyse-pack.ts';
import { cellAreas } from '../../src/analysis/cell-areas.ts';
import { partnershipSteps } from '../../src/analysis/partnership.ts';
import { runToEnd } from '../../src/analysis/steps.ts';
import { boxArea, event, loadTiny, partner } from '../fixtures/analysis-fixtures.ts';
import { type Box, basicCells } from '../fixtures/tiny-pack.ts';

const withPopulation = basicCells().map((c, i) => ({ ...c, population: 100 * (i + 1), town: 't' }));

describe('partnership', () => {
  it('a cell is served when a unit is paired with it or with a cell below it, or stands in it', async () => {
    const partners = [
      partner('U1', 121.03, 31.03, ['C1']), // paired with C1, standing outside the district
      partner('U2', 121.015, 31.0075), // no pairing, standing in C4 (and so in A2)
    ];
    const pack = await loadTiny({ cells: withPopulation, partners });
    const { findings, summary } = runToEnd(partnershipSteps(pack, cellAreas(pack.grid)));
    // A1 is served through C1; C2 and C3 by nobody.
    expect(findings.map((f) => f.ids[0])).toEqual(['C2', 'C3']);
    expect(findings.map((f) => f.population)).toEqual([400, 500]);
    const c2 = basicCells().find((c) => c.id === 'C2')?.box as Box;
    expect(Math.abs((findings[0]?.areaM2 ?? 0) - boxArea(c2)) / boxArea(c2)).toBeLessThan(0.001);
    expect(findings[0]?.message).toBe(
      'no partner unit is paired with this community cell or located in it (400 residents)',
    );
    expect(summary.levels).toEqual([
      { level: 'area', cells: 2, withoutPartner: 0, populationWithout: null, areaWithoutM2: 0 },
      expect.objectContaining({ level: 'community', cells: 4, withoutPartner: 2, populationWithout: 900 }),
    ]);
  });

  it('a pack without a partners layer has no partnership section and no such findings', async () => {
    const report = analysePack(await loadTiny({}));
    expect(report.partnership).toBeNull();
    expect(report.counts['no-partner']).toBe(0);
  });
});

describe('activity', () => {
  // C1 active in March (cell given), C2 active in January only (cell derived from its point),
  // C3 never; C4 in March but outside the window's last day.
  const activity = [
    event('E1', '2026-03-10T09:00+08:00', 121.005, 31.0025, 'C1'),
    event('E2', '2026-01-05T10:30+08:00', 121.005, 31.0075),
    event('E3', '2026-03-31T23:30+08:00', 121.015, 31.0075),
    event('E4', '2026-04-01T00:00+08:00', 121.015, 31.0075),
  ];

  it('reads dates as whole days in the pack’s own offset, `to` included', async () => {
    const pack = await loadTiny({ activity });
    const w = resolveActivityWindow(pack, { from: '2026-03-01', to: '2026-03-31' });
    expect(w.offsetMinutes).toBe(480);
    expect(new Date(w.from).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(new Date(w.to).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(() => resolveActivityWindow(pack, { from: '2026-13-01' })).toThrow(/not a date/);
    expect(() => resolveActivityWindow(pack, { from: '2026-03-01T10:00' })).toThrow(/UTC offset/);
    expect(() => resolveActivityWindow(pack, { from: '2026-04-01', to: '2026-03-01' })).toThrow(
      /start before/,
    );
  });

  it('finds the cells with no event in the window, with days since their last event', async () => {
    const pack = await loadTiny({ cells: withPopulation, activity });
    const window = resolveActivityWindow(pack, { from: '2026-03-01', to: '2026-03-31' });
    const { findings, summary } = runToEnd(activitySteps(pack, window, cellAreas(pack.grid)));
    expect(findings.map((f) => [f.ids[0], f.lastEvent, f.daysSinceLast, f.severity])).toEqual([
      ['C2', '2026-01-05T10:30+08:00', 85, 'low'],
      ['C3', null, null, 'medium'],
    ]);
    expect(findings[0]?.message).toBe(
      "no volunteer activity from 2026-03-01 to 2026-03-31; the last was on 2026-01-05, 85 days before the window's end",
    );
    expect(findings[1]?.message).toBe(
      'no volunteer activity recorded in this community cell up to 2026-03-31',
    );
    expect(summary).toMatchObject({
      events: 4,
      eventsInWindow: 2,
      eventsOutsideCells: 0,
      cellsWithout: 2,
      cellsNever: 1,
      days: 31,
    });
  });

  it('by default the window is the 90 days up to the end of the day of the latest event', async () => {
    const report = analysePack(await loadTiny({ activity }));
    expect(report.activity?.from).toBe('2026-01-02T00:00+08:00');
    expect(report.activity?.to).toBe('2026-04-02T00:00+08:00');
    expect(report.findings.filter((f) => f.kind === 'no-activity').map((f) => f.ids[0])).toEqual(['C3']);
  });
});
