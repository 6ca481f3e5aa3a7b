import { beforeAll, describe, expect, it } from 'vitest';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { mergeStatus } from '../../src/data/status-merge.ts';
import type { StatusAlert, StatusFeed } from '../../src/data/status-schema.ts';
import { statusPack, validFeed } from '../fixtures/status-fixtures.ts';

let pack: RegionPack;
beforeAll(async () => {
  pack = await statusPack();
});

const alert = (id: string, cell: string, extra: Partial<StatusAlert> = {}): StatusAlert => ({
  id,
  cell,
  kind: 'traffic_congestion',
  severity: 'info',
  openedAt: '2026-05-01T10:00:00+08:00',
  ...extra,
});

const feedWith = (edit: Partial<StatusFeed>): StatusFeed => ({ ...validFeed(), ...edit });

describe('mergeStatus without a feed', () => {
  it('is the pack itself, with no live parts', () => {
    const live = mergeStatus(pack, null);
    expect(live.projects).toBe(pack.projects);
    expect(live.activity).toBe(pack.activity);
    expect(live.responseLevel).toBeNull();
    expect(live.responseLevelSince).toBeNull();
    expect(live.onDuty).toBeNull();
    expect(live.openAlertsByCell.size).toBe(0);
  });
});

describe('mergeStatus projects', () => {
  it('the feed wins for the fields it carries, the pack keeps the rest', () => {
    const live = mergeStatus(
      pack,
      feedWith({
        projects: [
          { id: 'P1', progress: 55 },
          { id: 'P2', status: 'active' },
        ],
      }),
    );
    const [p1, p2] = live.projects.map((p) => p.properties);
    expect(p1).toMatchObject({ id: 'P1', status: 'active', progress: 55, name: 'road works', cells: ['C1'] });
    expect(p2).toMatchObject({ id: 'P2', status: 'active', progress: 0 });
    expect([...live.changedProjects]).toEqual(['P1', 'P2']);
  });

  it('keeps untouched projects as the same objects and does not count a no-op update as a change', () => {
    const live = mergeStatus(pack, feedWith({ projects: [{ id: 'P1', status: 'active', progress: 40 }] }));
    expect(live.projects[1]).toBe(pack.projects[1]);
    expect(live.changedProjects.size).toBe(0);
    // The pack itself is never modified.
    expect(pack.projects[0]?.properties.progress).toBe(40);
  });
});

describe('mergeStatus alerts', () => {
  it('groups open alerts by cell, most severe first, then oldest first; closed ones are listed only', () => {
    const live = mergeStatus(
      pack,
      feedWith({
        alerts: [
          alert('a', 'C1', { severity: 'info', openedAt: '2026-05-01T08:00:00+08:00' }),
          alert('b', 'C1', { severity: 'critical', openedAt: '2026-05-01T10:00:00+08:00' }),
          alert('c', 'C1', { severity: 'critical', openedAt: '2026-05-01T09:00:00+08:00' }),
          alert('d', 'C2', { closedAt: '2026-05-01T10:10:00+08:00' }),
          alert('e', 'A2', { kind: 'camera_watch' }),
        ],
      }),
    );
    expect(live.openAlertsByCell.get('C1')?.map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(live.openAlertsByCell.has('C2')).toBe(false);
    expect(live.openAlertsByCell.get('A2')?.map((a) => a.id)).toEqual(['e']);
    expect(live.alerts.map((a) => a.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('mergeStatus on-duty counts and level', () => {
  it('keeps counts per unit (town or cell) and sums them', () => {
    const live = mergeStatus(
      pack,
      feedWith({
        onDuty: [
          { unit: 'T1', staff: 12, volunteers: 40, commandoTeams: 2, tempPartyOrgs: 1 },
          { unit: 'A2', staff: 3, volunteers: 5, commandoTeams: 1, tempPartyOrgs: 0 },
        ],
      }),
    );
    expect(live.onDuty?.byUnit.get('A2')).toEqual({
      staff: 3,
      volunteers: 5,
      commandoTeams: 1,
      tempPartyOrgs: 0,
    });
    expect(live.onDuty?.total).toEqual({ staff: 15, volunteers: 45, commandoTeams: 3, tempPartyOrgs: 1 });
    expect(live.responseLevel).toBe('urgent');
    expect(live.responseLevelSince).toBe('2026-05-01T08:15:00+08:00');
    expect(live.responseNote).toBe('强降雨，启动急时响应');
    const bare = mergeStatus(pack, {
      ...validFeed(),
      responseLevelSince: undefined,
      responseNote: undefined,
    });
    expect([bare.responseLevelSince, bare.responseNote]).toEqual([null, null]);
  });
});

describe('mergeStatus activity', () => {
  it('is pack events ∪ feed events, one per id, the feed version winning', () => {
    const e1 = {
      id: 'E1',
      time: '2026-05-01T09:00+08:00',
      kind: 'patrol',
      volunteers: 9,
      hours: 4,
      cell: 'C1',
    };
    const live = mergeStatus(
      pack,
      feedWith({
        activity: [
          { ...e1, lon: 121.005, lat: 31.0025 },
          {
            id: 'L1',
            time: '2026-05-01T10:20+08:00',
            kind: 'patrol',
            volunteers: 2,
            hours: 1,
            lon: 121.015,
            lat: 31.0025,
          },
        ],
      }),
    );
    expect(live.activity.map((f) => f.properties.id)).toEqual(['E2', 'E1', 'L1']);
    expect(live.activity.find((f) => f.properties.id === 'E1')?.properties.volunteers).toBe(9);
    expect(live.liveActivity[1]).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [121.015, 31.0025] },
      properties: { id: 'L1', time: '2026-05-01T10:20+08:00', kind: 'patrol', volunteers: 2, hours: 1 },
    });
  });
});

describe('mergeStatus unknown ids', () => {
  it('drops each item naming an id the pack lacks, reports it with path and value, and keeps the rest', () => {
    const feed = feedWith({
      projects: [
        { id: 'P9', progress: 5 },
        { id: 'P1', progress: 60 },
      ],
      alerts: [alert('x', 'C9'), alert('y', 'C2')],
      onDuty: [{ unit: 'T9', staff: 1, volunteers: 1, commandoTeams: 0, tempPartyOrgs: 0 }],
      activity: [
        {
          id: 'L9',
          time: '2026-05-01T10:20+08:00',
          kind: 'patrol',
          volunteers: 1,
          hours: 1,
          cell: 'C9',
          lon: 121,
          lat: 31,
        },
      ],
    });
    const live = mergeStatus(pack, feed);
    expect(live.dropped).toEqual([
      {
        rule: 'ref-project',
        path: 'projects.0.id',
        message: 'no project of the pack has this id',
        value: '"P9"',
      },
      { rule: 'ref-cell', path: 'alerts.0.cell', message: 'no cell of the pack has this id', value: '"C9"' },
      {
        rule: 'ref-unit',
        path: 'onDuty.0.unit',
        message: 'no town or cell of the pack has this id',
        value: '"T9"',
      },
      {
        rule: 'ref-cell',
        path: 'activity.0.cell',
        message: 'no cell of the pack has this id',
        value: '"C9"',
      },
    ]);
    expect(live.projects[0]?.properties.progress).toBe(60);
    expect(live.alerts.map((a) => a.id)).toEqual(['y']);
    expect(live.onDuty?.byUnit.size).toBe(0);
    expect(live.liveActivity).toEqual([]);
  });
});
