import { describe, expect, it } from 'vitest';
import { loadPackCore, loadPackDetails, loadRegionPack } from '../../src/data/pack-loader.ts';
import { basicCells, buildPackFiles, memorySource, point } from '../fixtures/tiny-pack.ts';

const activity = (cell: string) =>
  point({
    id: `e-${cell}`,
    time: '2026-05-01T09:30:00+08:00',
    kind: 'patrol',
    volunteers: 2,
    hours: 1,
    cell,
  });

/** The page loads a pack in two stages (core for the map, then details); the CLIs in one call. */
describe('loading a pack in two stages', () => {
  it('core then details gives the same pack as the one-call loader', async () => {
    const files = buildPackFiles({
      partners: [point({ id: 'p1', name: '同济大学', kind: 'university', cells: ['C1'] })],
      activity: [activity('C1'), activity('C4')],
    });
    const whole = await loadRegionPack(memorySource(files));
    const { core, problems } = await loadPackCore(memorySource(files));
    expect(problems).toEqual([]);
    expect(core?.grid.cells.map((c) => c.properties.id)).toEqual(['A1', 'A2', 'C1', 'C2', 'C3', 'C4']);
    if (!core) throw new Error('no core');
    const staged = await loadPackDetails(memorySource(files), core);
    expect(staged.problems).toEqual([]);
    expect(staged.pack?.grid).toBe(core.grid);
    expect(staged.pack?.activity.map((e) => e.properties.id)).toEqual(['e-C1', 'e-C4']);
    expect(staged.pack?.partners).toEqual(whole.pack?.partners);
    expect(staged.pack?.bbox).toEqual(whole.pack?.bbox);
  });

  it('the core reads only the manifest, boundary, admin units and grid', async () => {
    const files = buildPackFiles({ activity: [activity('C1')] });
    const read: string[] = [];
    const source = memorySource(files);
    await loadPackCore({
      label: 'spy',
      read: (path, signal) => {
        read.push(path);
        return source.read(path, signal);
      },
    });
    expect(read.sort()).toEqual(['boundary.geojson', 'grids.geojson', 'region.json']);
  });

  it('an error in the grid stops the core; an error in the details stops the pack, not the core', async () => {
    const brokenGrid = buildPackFiles({
      cells: basicCells().map((c) => (c.id === 'C2' ? { ...c, parent: 'A9' } : c)),
    });
    const core = await loadPackCore(memorySource(brokenGrid));
    expect(core.core).toBeNull();
    expect(core.problems.map((p) => `${p.featureId}|${p.rule}`)).toEqual(['C2|parent-exists']);

    const brokenActivity = buildPackFiles({ activity: [activity('M9')] });
    const good = await loadPackCore(memorySource(brokenActivity));
    if (!good.core) throw new Error('the core should load');
    const details = await loadPackDetails(memorySource(brokenActivity), good.core);
    expect(details.pack).toBeNull();
    expect(details.problems.map((p) => `${p.file}|${p.featureId}|${p.rule}`)).toEqual([
      'activity.geojson|e-M9|ref-cell',
    ]);
    // The one-call loader reports the same problem.
    const whole = await loadRegionPack(memorySource(brokenActivity));
    expect(whole.problems.map((p) => p.rule)).toEqual(['ref-cell']);
  });
});
