/**
 * The wall screen's numbers and moves, as pure functions: counted here again from the pack files and
 * feeds by hand (plain loops over the raw JSON), never by calling the code under test twice.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePackFolder } from '../../scripts/lib/validate-pack.ts';
import { type PackIndex, packIndex } from '../../src/data/pack-index/pack-index.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { type ActivityFeature, mergeStatus } from '../../src/data/status-merge.ts';
import type { StatusFeed } from '../../src/data/status-schema.ts';
import { formatShare } from '../../src/i18n/wall-strings.ts';
import { DEFAULT_WALL_CONFIG } from '../../src/state/url.ts';
import { activityBasis, recentActivity, shanghaiDayStart } from '../../src/wall/activity-basis.ts';
import { districtKpis, projectKpis, stopKpis } from '../../src/wall/kpis.ts';
import { isMobilised, mobilisationModel } from '../../src/wall/mobilisation.ts';
import { nextReloadAt } from '../../src/wall/reload-schedule.ts';
import { pushSample, type Sample, series } from '../../src/wall/session-trend.ts';
import { latestPackEvents, tickerItems } from '../../src/wall/ticker.ts';
import { restoredIndex, type TourState, tourPlan, tourReducer } from '../../src/wall/tour.ts';
import { statusPack, validFeed } from '../fixtures/status-fixtures.ts';

const DAY = 86_400_000;

function leafResolver(pack: RegionPack, index: PackIndex) {
  const leaves = new Set(pack.grid.byDepth[pack.grid.levels.length - 1] ?? []);
  return (e: ActivityFeature) =>
    e.properties.cell !== undefined && leaves.has(e.properties.cell)
      ? e.properties.cell
      : index.locator.leafAt(e.geometry.coordinates);
}

function inputs(pack: RegionPack, feed: StatusFeed | null) {
  const index = packIndex(pack);
  const live = mergeStatus(pack, feed);
  const basis = activityBasis(live.generatedAt, index.activity.span, live.liveActivity);
  const recent = recentActivity(index.activity, live.liveActivity, basis, leafResolver(pack, index));
  return { pack, index, live, basis, recent, report: null, lang: 'zh' as const };
}

describe('what "today" means on the wall', () => {
  it('is the feed’s day with a feed, and the pack’s last day (said to be so) without one', async () => {
    const pack = await statusPack();
    const index = packIndex(pack);
    const live = mergeStatus(pack, validFeed());
    const withFeed = activityBasis(live.generatedAt, index.activity.span, live.liveActivity);
    // The pack's last event is at 10:00, the feed's oldest at 10:20: only from then on is nothing missing.
    expect(withFeed).toMatchObject({
      kind: 'live',
      day: '2026-05-01',
      completeFrom: Date.parse('2026-05-01T10:20+08:00'),
    });
    const packOnly = activityBasis(null, index.activity.span, []);
    expect(packOnly).toEqual({
      kind: 'pack',
      reference: Date.parse('2026-05-01T10:00+08:00'),
      day: '2026-05-01',
    });
    expect(activityBasis(null, null, [])).toEqual({ kind: 'none' });
  });

  it('says from when live figures are complete when the pack ends before the feed begins', async () => {
    const pack = await statusPack();
    const index = packIndex(pack);
    const feed: StatusFeed = {
      ...validFeed(),
      generatedAt: '2026-05-20T10:00:00+08:00',
      activity: [
        { ...(validFeed().activity[0] as StatusFeed['activity'][0]), time: '2026-05-20T08:00+08:00' },
      ],
    };
    const live = mergeStatus(pack, feed);
    const basis = activityBasis(live.generatedAt, index.activity.span, live.liveActivity);
    expect(basis).toMatchObject({
      kind: 'live',
      day: '2026-05-20',
      completeFrom: Date.parse('2026-05-20T08:00+08:00'),
    });
  });

  it('counts the calendar day in Shanghai, not in UTC', async () => {
    const pack = await statusPack();
    // 2026-05-01T23:30+08:00 is still 1 May in Shanghai but 15:30 UTC; 00:30+08:00 on 2 May is 1 May in UTC.
    const feed: StatusFeed = {
      ...validFeed(),
      generatedAt: '2026-05-02T00:30:00+08:00',
      activity: [
        {
          id: 'L1',
          time: '2026-05-01T23:30+08:00',
          kind: 'patrol',
          volunteers: 4,
          hours: 1,
          cell: 'C1',
          lon: 121.005,
          lat: 31.0025,
        },
        {
          id: 'L2',
          time: '2026-05-02T00:10+08:00',
          kind: 'patrol',
          volunteers: 6,
          hours: 1,
          cell: 'C1',
          lon: 121.005,
          lat: 31.0025,
        },
      ],
    };
    const k = districtKpis(inputs(pack, feed));
    expect(k.activity?.today).toEqual({ events: 1, volunteers: 6 });
    // The pack's two events (1 May) and L1 are in the 7 days.
    expect(k.activity?.week).toEqual({ events: 4, volunteers: 3 + 2 + 4 + 6 });
    expect(k.activity?.daily.map((d) => d.day).slice(-2)).toEqual(['2026-05-01', '2026-05-02']);
  });
});

describe('district figures on the tiny pack with a feed', () => {
  it('counts projects with the feed’s status winning, alerts, people on duty and the level', async () => {
    const pack = await statusPack();
    const feed: StatusFeed = {
      ...validFeed(),
      projects: [{ id: 'P2', status: 'delayed' }],
      alerts: [
        {
          id: 'a',
          cell: 'C1',
          kind: 'waterlogging',
          severity: 'critical',
          openedAt: '2026-05-01T09:00+08:00',
        },
        { id: 'b', cell: 'C1', kind: 'waterlogging', severity: 'info', openedAt: '2026-05-01T09:10+08:00' },
        {
          id: 'c',
          cell: 'C4',
          kind: 'camera_watch',
          severity: 'warning',
          openedAt: '2026-05-01T09:20+08:00',
        },
        {
          id: 'd',
          cell: 'C3',
          kind: 'camera_watch',
          severity: 'warning',
          openedAt: '2026-05-01T08:00+08:00',
          closedAt: '2026-05-01T08:30+08:00',
        },
        {
          id: 'e',
          cell: 'nowhere',
          kind: 'camera_watch',
          severity: 'critical',
          openedAt: '2026-05-01T08:00+08:00',
        },
      ],
    };
    const k = districtKpis(inputs(pack, feed));
    expect(k.projects).toEqual({
      total: 2,
      active: 2,
      onTrack: 1,
      delayed: 1,
      done: 0,
      planned: 0,
      suspended: 0,
    });
    expect(k.alerts).toEqual({ open: 3, critical: 1, warning: 1, info: 1, cells: 2 });
    expect(k.onDuty).toEqual({ staff: 12, volunteers: 40, commandoTeams: 2, tempPartyOrgs: 1 });
    expect(k.level).toBe('urgent');
    expect(k.levels.map((l) => [l.level, l.cells, l.coveredShare])).toEqual([
      ['area', 2, null],
      ['community', 4, null],
    ]);
    // Pack events E1 (3), E2 (2) and the feed's L1 (2) all fall on 1 May.
    expect(k.activity?.today).toEqual({ events: 3, volunteers: 7 });
  });

  it('has no alert figure without a feed (unknown is not zero)', async () => {
    const k = districtKpis(inputs(await statusPack(), null));
    expect(k.alerts).toBeNull();
    expect(k.level).toBeNull();
    expect(k.activity?.today).toEqual({ events: 2, volunteers: 5 });
  });

  it('lets a feed event with a pack id replace the pack’s event, not add to it', async () => {
    const pack = await statusPack();
    const feed: StatusFeed = {
      ...validFeed(),
      activity: [
        {
          id: 'E1',
          time: '2026-05-01T09:00+08:00',
          kind: 'patrol',
          volunteers: 10,
          hours: 1,
          cell: 'C1',
          lon: 121.005,
          lat: 31.0025,
        },
      ],
    };
    const k = districtKpis(inputs(pack, feed));
    expect(k.activity?.today).toEqual({ events: 2, volunteers: 10 + 2 });
  });

  it('gives each stop its own figures', async () => {
    const pack = await statusPack();
    const base = inputs(pack, validFeed());
    const plan = tourPlan(pack, base.index, { tour: { kind: 'towns' }, stops: null }, 'zh');
    expect(plan.stops.map((s) => s.id)).toEqual(['T1', 'T2']);
    const [t1, t2] = plan.stops.map((stop) => stopKpis({ ...base, stop }));
    expect(t1?.population).toBe(200_000);
    expect(t2?.population).toBe(40_000);
    expect(t1?.below).toEqual([
      { level: 'area', name: 'area', count: 1 },
      { level: 'community', name: 'community', count: 2 },
    ]);
    // The feed's alert is on C1 (T1); its event L1 is on C3 (T2); E1 in C1, E2 in C4.
    expect(t1?.alerts?.open).toBe(1);
    expect(t2?.alerts?.open).toBe(0);
    expect(t1?.activity?.today).toEqual({ events: 1, volunteers: 3 });
    expect(t2?.activity?.today).toEqual({ events: 2, volunteers: 4 });
    expect(t1?.onDuty).toEqual({ staff: 12, volunteers: 40, commandoTeams: 2, tempPartyOrgs: 1 });
    expect(t1?.projects.total).toBe(1);
    const area = tourPlan(pack, base.index, DEFAULT_WALL_CONFIG, 'zh').stops[1];
    expect(area).toMatchObject({ kind: 'cell', id: 'A2', depth: 0 });
    if (!area) return;
    const a2 = stopKpis({ ...base, stop: area });
    expect(a2.population).toBe(40_000);
    expect(a2.below).toEqual([{ level: 'community', name: 'community', count: 2 }]);
    expect(a2.activity?.today).toEqual(t2?.activity?.today);
  });
});

describe('district figures on the Jiading pack, counted again from its files', () => {
  let pack: RegionPack;
  beforeAll(async () => {
    const report = await validatePackFolder('data/regions/jiading');
    if (!report.pack) throw new Error('Jiading does not load');
    pack = report.pack;
  }, 120_000);

  const raw = (file: string) =>
    JSON.parse(readFileSync(`data/regions/jiading/${file}`, 'utf8')) as {
      features: { properties: Record<string, unknown> }[];
    };

  it('matches hand counts of cells, partners, projects and the pack’s last day of activity', () => {
    const k = districtKpis(inputs(pack, null));
    const grids = raw('grids.geojson').features.map((f) => f.properties.level);
    expect(k.levels.map((l) => l.cells)).toEqual(
      ['area', 'community', 'micro'].map((l) => grids.filter((g) => g === l).length),
    );
    expect(k.partners).toBe(raw('partners.geojson').features.length);
    expect(k.partnersByCommittee.reduce((n, s) => n + s.count, 0)).toBe(k.partners);
    const statuses = raw('projects.geojson').features.map((f) => f.properties.status);
    const n = (s: string) => statuses.filter((x) => x === s).length;
    expect(k.projects).toMatchObject({
      active: n('active') + n('delayed'),
      onTrack: n('active'),
      delayed: n('delayed'),
    });

    const events = raw('activity.geojson').features.map((f) => ({
      t: Date.parse(f.properties.time as string),
      v: f.properties.volunteers as number,
    }));
    const last = Math.max(...events.map((e) => e.t));
    const lastDay = new Date(last + 8 * 3600_000).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${lastDay}T00:00:00+08:00`);
    const within = (from: number) => events.filter((e) => e.t >= from && e.t < dayStart + DAY);
    const sum = (list: { v: number }[]) => list.reduce((s, e) => s + e.v, 0);
    expect(k.activity?.today).toEqual({ events: within(dayStart).length, volunteers: sum(within(dayStart)) });
    expect(k.activity?.week).toEqual({
      events: within(dayStart - 6 * DAY).length,
      volunteers: sum(within(dayStart - 6 * DAY)),
    });
    expect(k.activity?.today.events).toBeGreaterThan(0);
    expect(k.activity?.daily).toHaveLength(14);
  });

  it('tours the 53 area grids by default, the 12 towns on request, and says which ids it does not know', () => {
    const index = packIndex(pack);
    expect(tourPlan(pack, index, DEFAULT_WALL_CONFIG, 'zh').stops).toHaveLength(53);
    expect(tourPlan(pack, index, { tour: { kind: 'towns' }, stops: null }, 'zh').stops).toHaveLength(12);
    expect(
      tourPlan(pack, index, { tour: { kind: 'level', level: 'community' }, stops: null }, 'zh').stops,
    ).toHaveLength(359);
    expect(
      tourPlan(pack, index, { tour: { kind: 'level', level: 'block' }, stops: null }, 'zh'),
    ).toMatchObject({
      unknown: ['block'],
      stops: { length: 53 },
    });
    expect(tourPlan(pack, index, { tour: { kind: 'off' }, stops: null }, 'zh').stops).toEqual([]);
    const mixed = tourPlan(pack, index, { ...DEFAULT_WALL_CONFIG, stops: ['A02', '310114001', 'ZZZ'] }, 'zh');
    expect(mixed.stops.map((s) => [s.kind, s.id])).toEqual([
      ['cell', 'A02'],
      ['town', '310114001'],
    ]);
    expect(mixed.unknown).toEqual(['ZZZ']);
    expect(tourPlan(pack, index, { ...DEFAULT_WALL_CONFIG, stops: ['ZZZ'] }, 'zh').stops).toHaveLength(53);
    const first = mixed.stops[0];
    // A stop's box is its cell's own extent.
    const coords = (
      raw('grids.geojson').features as unknown as {
        properties: { id: string };
        geometry: { coordinates: number[][][] | number[][][][] };
      }[]
    )
      .find((f) => f.properties.id === 'A02')
      ?.geometry.coordinates.flat(3) as number[];
    const xs = coords.filter((_, i) => i % 2 === 0);
    const ys = coords.filter((_, i) => i % 2 === 1);
    expect(first?.bbox).toEqual([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]);
  });
});

describe('the tour', () => {
  const start: TourState = { index: 0, count: 3, paused: false, step: 0 };

  it('advances on the timer and wraps; a pause holds it until resumed', () => {
    let s = tourReducer(start, { type: 'advance' });
    s = tourReducer(s, { type: 'advance' });
    s = tourReducer(s, { type: 'advance' });
    expect(s).toMatchObject({ index: 0, step: 3 });
    s = tourReducer(s, { type: 'toggle' });
    expect(s.paused).toBe(true);
    expect(tourReducer(s, { type: 'advance' })).toBe(s);
    // The operator may step while paused; the pause stays and its countdown restarts (step moves).
    const stepped = tourReducer(s, { type: 'previous' });
    expect(stepped).toMatchObject({ index: 2, paused: true, step: s.step + 1 });
    expect(tourReducer(stepped, { type: 'resume' }).paused).toBe(false);
  });

  it('keeps a remembered stop across a reset, and starts over when it is gone', () => {
    expect(tourReducer(start, { type: 'reset', count: 5, index: 4 }).index).toBe(4);
    expect(tourReducer(start, { type: 'reset', count: 5, index: 7 }).index).toBe(0);
    expect(tourReducer(start, { type: 'reset', count: 0, index: 0 })).toMatchObject({ index: 0, count: 0 });
    expect(tourReducer({ ...start, count: 0 }, { type: 'advance' }).index).toBe(0);
    const stops = [
      { kind: 'cell', id: 'A1' },
      { kind: 'town', id: 'T1' },
    ] as unknown as Parameters<typeof restoredIndex>[0];
    expect(restoredIndex(stops, 'town:T1')).toBe(1);
    expect(restoredIndex(stops, 'cell:T1')).toBe(0);
    expect(restoredIndex(stops, null)).toBe(0);
  });
});

describe('the scheduled soft reload', () => {
  it('is the next time the Shanghai clock reads the given time', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(nextReloadAt(at('2026-11-22T16:00:00Z'), '03:00')).toBe(at('2026-11-23T03:00:00+08:00'));
    expect(nextReloadAt(at('2026-11-22T18:00:00Z'), '03:00')).toBe(at('2026-11-23T03:00:00+08:00'));
    expect(nextReloadAt(at('2026-11-22T19:00:00Z'), '03:00')).toBe(at('2026-11-24T03:00:00+08:00'));
    // Exactly at the time (the page that just reloaded): the next day, never the same moment again.
    expect(nextReloadAt(at('2026-11-23T03:00:00+08:00'), '03:00')).toBe(at('2026-11-24T03:00:00+08:00'));
    expect(nextReloadAt(at('2026-11-23T03:00:00+08:00'), '03:00:30')).toBe(at('2026-11-23T03:00:30+08:00'));
    expect(nextReloadAt(at('2026-11-22T15:59:59Z'), '00:00')).toBe(at('2026-11-23T00:00:00+08:00'));
  });
});

describe('session trends', () => {
  it('take one sample per feed generation and never hold more than the window', () => {
    let samples: Sample[] = [];
    for (let i = 0; i < 200; i++) {
      samples = pushSample(samples, { at: `t${i}`, values: { open: i } }, 60);
      samples = pushSample(samples, { at: `t${i}`, values: { open: -1 } }, 60);
    }
    expect(samples).toHaveLength(60);
    expect(series(samples, 'open')).toEqual(Array.from({ length: 60 }, (_, i) => 140 + i));
  });
});

describe('the mobilisation view', () => {
  it('appears at urgent and emergency only, with forces per town and open alerts by cell', async () => {
    const pack = await statusPack();
    expect(isMobilised('normal')).toBe(false);
    expect(
      mobilisationModel(pack, mergeStatus(pack, { ...validFeed(), responseLevel: 'normal' }), null),
    ).toBeNull();
    const feed: StatusFeed = {
      ...validFeed(),
      responseLevel: 'emergency',
      onDuty: [
        { unit: 'T1', staff: 12, volunteers: 40, commandoTeams: 2, tempPartyOrgs: 1 },
        { unit: 'T2', staff: 5, volunteers: 9, commandoTeams: 1, tempPartyOrgs: 0 },
      ],
      alerts: [
        {
          id: 'a',
          cell: 'C3',
          kind: 'waterlogging',
          severity: 'warning',
          openedAt: '2026-05-01T09:00+08:00',
        },
        {
          id: 'b',
          cell: 'C1',
          kind: 'blocked_fire_lane',
          severity: 'critical',
          text: '消防通道被占',
          openedAt: '2026-05-01T09:10+08:00',
        },
        {
          id: 'c',
          cell: 'C3',
          kind: 'other',
          text: '井盖缺失',
          severity: 'info',
          openedAt: '2026-05-01T08:00+08:00',
        },
      ],
    };
    const m = mobilisationModel(pack, mergeStatus(pack, feed), '2026-05-01T10:00:00+08:00');
    expect(m).toMatchObject({
      level: 'emergency',
      since: '2026-05-01T08:15:00+08:00',
      sinceObserved: false,
      note: '强降雨，启动急时响应',
      totals: { staff: 17, volunteers: 49, commandoTeams: 3, tempPartyOrgs: 1 },
      openAlerts: 3,
      critical: 1,
      cellsTotal: 2,
    });
    expect(m?.cells.map((c) => [c.cell, c.count, c.severity, c.townName])).toEqual([
      ['C1', 1, 'critical', 'town T1'],
      ['C3', 2, 'warning', 'town T2'],
    ]);
    expect(m?.units.map((u) => [u.id, u.openAlerts, u.critical, u.commandoTeams])).toEqual([
      ['T1', 1, 1, 2],
      ['T2', 2, 0, 1],
    ]);
    const observed = mobilisationModel(
      pack,
      mergeStatus(pack, { ...feed, responseLevelSince: undefined }),
      '2026-05-01T10:00:00+08:00',
    );
    expect([observed?.since, observed?.sinceObserved]).toEqual(['2026-05-01T10:00:00+08:00', true]);
  });
});

describe('the ticker', () => {
  it('lists the feed’s events and alerts newest first, as text', async () => {
    const pack = await statusPack();
    const feed: StatusFeed = {
      ...validFeed(),
      alerts: [
        {
          id: 'a',
          cell: 'C1',
          kind: 'other',
          text: '<img src=x onerror=alert(1)>',
          severity: 'critical',
          openedAt: '2026-05-01T10:25+08:00',
        },
        {
          id: 'b',
          cell: 'C3',
          kind: 'waterlogging',
          severity: 'warning',
          openedAt: '2026-05-01T08:00+08:00',
          closedAt: '2026-05-01T10:05+08:00',
        },
      ],
    };
    const items = tickerItems(pack, mergeStatus(pack, feed), 'zh');
    expect(items.map((i) => [i.kind, i.text])).toEqual([
      ['alert', '10:25 紧急｜其他：<img src=x onerror=alert(1)> · town T1 cell C1'],
      ['event', '10:20 巡逻 · 2 人次 · town T2 cell C3'],
      ['closed', '10:05 已处置｜积水 · town T2 cell C3'],
    ]);
  });

  it('shows the pack’s latest events with their dates when there is no feed', async () => {
    const pack = await statusPack();
    const items = tickerItems(pack, mergeStatus(pack, null), 'en', { packLatest: latestPackEvents(pack) });
    expect(items.map((i) => i.key)).toEqual(['e:E2', 'e:E1']);
    expect(items[0]?.text).toMatch(/^1 May,? 10:00 patrol · 2 volunteers/);
  });
});

describe('coverage as shown', () => {
  it('has two decimals, rounded down, so a gap never reads 100 %', () => {
    expect(formatShare('zh', 0.99983)).toBe('99.98%');
    expect(formatShare('en', 0.99999)).toBe('99.99%');
    expect(formatShare('zh', 0.9998)).toBe('99.98%');
    expect(formatShare('zh', 1)).toBe('100.00%');
  });
});

describe('project figures', () => {
  it('count under way = on track + delayed', () => {
    const p = (status: string) => ({ properties: { status } }) as Parameters<typeof projectKpis>[0][number];
    expect(projectKpis(['active', 'delayed', 'done', 'planned', 'suspended', 'active'].map(p))).toEqual({
      total: 6,
      active: 3,
      onTrack: 2,
      delayed: 1,
      done: 1,
      planned: 1,
      suspended: 1,
    });
    expect(shanghaiDayStart('2026-05-01')).toBe(Date.parse('2026-04-30T16:00:00Z'));
  });
});
