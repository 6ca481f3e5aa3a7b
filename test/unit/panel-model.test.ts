import { describe, expect, it } from 'vitest';
import { buildPanelModel } from '../../src/app/panel-model.ts';
import { resolveFocus } from '../../src/app/resolve-focus.ts';
import { defaultWindow } from '../../src/app/time-window.ts';
import { packIndex } from '../../src/data/pack-index/pack-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { mergeStatus } from '../../src/data/status-merge.ts';
import { basicCells, boxPolygon, buildPackFiles, memorySource, point } from '../fixtures/tiny-pack.ts';

async function tiny(): Promise<RegionPack> {
  const cells = basicCells().map((c) => ({
    ...c,
    town: c.id.startsWith('A1') || ['C1', 'C2'].includes(c.id) ? 't1' : 't2',
    population: 100,
    leader: '王伟',
  }));
  const files = buildPackFiles({
    cells,
    admin: [
      {
        type: 'Feature',
        properties: { id: 't1', name: '甲镇' },
        geometry: boxPolygon([121.0, 31.0, 121.01, 31.01]),
      },
      {
        type: 'Feature',
        properties: { id: 't2', name: '乙镇' },
        geometry: boxPolygon([121.01, 31.0, 121.02, 31.01]),
      },
    ],
    partners: [
      point({ id: 'p1', name: '同济大学', kind: 'university', committee: 'economy', cells: ['C2'] }),
    ],
    projects: [
      point({
        id: 'j1',
        name: '示范路',
        domain: 'road',
        status: 'active',
        progress: 40,
        due: '2026-12-31',
        cells: ['C1'],
      }),
    ],
    activity: [
      point({
        id: 'e1',
        time: '2026-10-01T09:00:00+08:00',
        kind: 'patrol',
        volunteers: 2,
        hours: 3,
        cell: 'C1',
      }),
      point({
        id: 'e2',
        time: '2026-10-20T09:00:00+08:00',
        kind: 'patrol',
        volunteers: 5,
        hours: 1,
        cell: 'C1',
      }),
    ],
  });
  const { pack, problems } = await loadRegionPack(memorySource(files));
  if (!pack) throw new Error(problems.map((p) => p.message).join('; '));
  return pack;
}

describe('resolveFocus', () => {
  it('builds the breadcrumb district › town › cells, and "up" goes to the parent, then the town', async () => {
    const pack = await tiny();
    const r = resolveFocus(pack, packIndex(pack), { kind: 'cell', id: 'C2' }, 'zh');
    expect(r.crumbs.map((c) => c.label)).toEqual(['测试区', '甲镇', 'cell A1', 'cell C2']);
    expect(r.up).toEqual({ kind: 'cell', id: 'A1' });
    expect(resolveFocus(pack, packIndex(pack), { kind: 'cell', id: 'A1' }, 'zh').up).toEqual({
      kind: 'town',
      id: 't1',
    });
    expect(resolveFocus(pack, packIndex(pack), { kind: 'cell', id: 'nope' }, 'zh')).toMatchObject({
      focus: null,
      unknownId: 'nope',
    });
  });
});

describe('buildPanelModel', () => {
  it('sums people over the leaves and counts activity in the window, with days since the last event', async () => {
    const pack = await tiny();
    const index = packIndex(pack);
    const m = buildPanelModel(
      pack,
      index,
      { kind: 'cell', id: 'A1' },
      { from: '2026-10-01', to: '2026-10-31' },
      'zh',
    );
    expect(m?.people.population).toEqual({ value: 200, from: 2 });
    expect(m?.activity).toMatchObject({ events: 2, volunteers: 7, hours: 4 });
    expect(m?.daysSinceLast).toBe(11);
    expect(m?.partners.map((p) => [p.id, p.paired])).toEqual([['p1', true]]);
    expect(m?.projects.map((p) => p.id)).toEqual(['j1']);
    const narrow = buildPanelModel(
      pack,
      index,
      { kind: 'cell', id: 'A1' },
      { from: '2026-10-02', to: '2026-10-19' },
      'zh',
    );
    expect(narrow?.activity.events).toBe(0);
    expect(narrow?.daysSinceLast).toBe(18);
    expect(defaultWindow(index).to).toBe('2026-10-20');
  });

  it('shows a town’s cells and lets the live feed win for project status and bring open alerts', async () => {
    const pack = await tiny();
    const live = mergeStatus(pack, {
      format: 'gridatlas.status/1',
      region: 'tiny',
      generatedAt: '2026-10-21T10:00:00+08:00',
      responseLevel: 'normal',
      projects: [{ id: 'j1', status: 'delayed', progress: 45 }],
      alerts: [
        {
          id: 'a1',
          cell: 'C1',
          kind: 'waterlogging',
          severity: 'warning',
          openedAt: '2026-10-21T08:00:00+08:00',
        },
        {
          id: 'a2',
          cell: 'C3',
          kind: 'camera_watch',
          severity: 'critical',
          openedAt: '2026-10-21T07:00:00+08:00',
        },
        {
          id: 'a3',
          cell: 'C1',
          kind: 'blocked_fire_lane',
          severity: 'critical',
          openedAt: '2026-10-21T09:00:00+08:00',
          closedAt: '2026-10-21T09:30:00+08:00',
        },
      ],
      onDuty: [],
      activity: [],
    } as never);
    const index = packIndex(pack);
    const town = buildPanelModel(pack, index, { kind: 'town', id: 't1' }, defaultWindow(index), 'zh', live);
    expect(town?.children.map((c) => c.id)).toEqual(['A1']);
    expect(town?.alerts.map((a) => a.id)).toEqual(['a1']);
    expect(town?.projects[0]).toMatchObject({ id: 'j1', status: 'delayed', progress: 45 });
    const c3 = buildPanelModel(pack, index, { kind: 'cell', id: 'A2' }, defaultWindow(index), 'zh', live);
    expect(c3?.alerts.map((a) => [a.id, a.cellName])).toEqual([['a2', 'cell C3']]);
    expect(buildPanelModel(pack, index, { kind: 'cell', id: 'A2' }, defaultWindow(index), 'zh')?.live).toBe(
      false,
    );
  });
});
