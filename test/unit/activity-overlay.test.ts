/**
 * The activity overlay's pure parts on the Jiading pack (26,148 events): the day number each point
 * carries, the map filter over it, per-cell figures for a window (binary search per leaf) and per-day
 * totals, each against a brute-force count over the raw events; the class breaks; and the legend built
 * from the same tables as the layers.
 */
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { beforeAll, describe, expect, it } from 'vitest';
import { fsPackSource } from '../../scripts/lib/fs-pack-source.ts';
import { windowMs } from '../../src/app/time-window.ts';
import { dayNumber } from '../../src/data/calendar-day.ts';
import { cellActivity } from '../../src/data/pack-index/activity-cells.ts';
import { dailySeries, kindTotals } from '../../src/data/pack-index/activity-timeline.ts';
import { packIndex } from '../../src/data/pack-index/pack-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import {
  ACTIVITY_LAYER,
  ACTIVITY_SOURCE,
  type ActivityStyle,
  activityChoropleth,
  activityFilter,
  activityLegend,
  activityVisibility,
  CELL_NONE_COLOUR,
  CELL_RAMP,
  cellsFillColour,
  HIDDEN_ACTIVITY,
  kindColourExpression,
  kindColours,
} from '../../src/layers/activity-layers.ts';
import { classOf, quantileBreaks, rampIndex } from '../../src/layers/class-breaks.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { buildMapStyle } from '../../src/layers/map-style.ts';

let jiading: RegionPack;
beforeAll(async () => {
  const { pack } = await loadRegionPack(fsPackSource('data/regions/jiading'));
  if (!pack) throw new Error('Jiading pack does not load');
  jiading = pack;
}, 60_000);

/** The event's calendar day as written in its own time string (`2026-08-01T…+08:00`; checked below). */
const writtenDay = (time: string) => time.slice(0, 10);

/** Windows to check: a day, a week, a month (over a month end), 12 weeks, the whole year. */
const WINDOWS = [
  { from: '2026-03-05', to: '2026-03-05' },
  { from: '2026-01-27', to: '2026-02-02' },
  { from: '2026-02-01', to: '2026-02-28' },
  { from: '2026-08-09', to: '2026-10-31' },
  { from: '2025-11-01', to: '2026-10-31' },
];

const inWindow = (time: string, w: { from: string; to: string }) => {
  const d = writtenDay(time);
  return d >= w.from && d <= w.to;
};

describe('the time property on each point', () => {
  it('is the Shanghai calendar day of the event, as a day number, for every Jiading event', () => {
    const { points } = deriveMapData(jiading).activity;
    // Every time is written in Shanghai's offset, so its date part is its Shanghai calendar day.
    expect(jiading.activity.filter((e) => !e.properties.time.endsWith('+08:00'))).toEqual([]);
    expect(points.features).toHaveLength(jiading.activity.length);
    points.features.forEach((f, i) => {
      const e = jiading.activity[i];
      expect(f.properties.id).toBe(e?.properties.id);
      expect(f.properties.day).toBe(dayNumber(writtenDay(e?.properties.time ?? '')));
    });
  });

  it('makes the map filter select exactly the events of the window and kinds', () => {
    const { points } = deriveMapData(jiading).activity;
    for (const w of WINDOWS) {
      for (const kinds of [null, ['patrol'], ['elderly_care', 'traffic']]) {
        const filter = featureFilter(
          activityFilter({ fromDay: dayNumber(w.from), toDay: dayNumber(w.to), kinds }),
          'filter',
        );
        const shown = points.features.filter((f) =>
          filter.filter({ zoom: 12 }, { type: 1, properties: f.properties } as never),
        );
        const direct = jiading.activity.filter(
          (e) => inWindow(e.properties.time, w) && (kinds === null || kinds.includes(e.properties.kind)),
        );
        expect(shown.map((f) => f.properties.id)).toEqual(direct.map((e) => e.properties.id));
      }
    }
  });
});

describe('per-cell figures for a window', () => {
  it('equal a brute-force count over the raw events, for every micro cell, window and kind filter', () => {
    const index = packIndex(jiading);
    const leaves = jiading.grid.byDepth[jiading.grid.levels.length - 1] ?? [];
    for (const w of WINDOWS) {
      for (const kinds of [null, ['environment'], ['patrol', 'epidemic', 'other']]) {
        const direct = new Map<string, { events: number; volunteers: number; hours: number }>();
        for (const e of jiading.activity) {
          const p = e.properties;
          if (!inWindow(p.time, w) || (kinds !== null && !kinds.includes(p.kind))) continue;
          const d = direct.get(p.cell ?? '') ?? { events: 0, volunteers: 0, hours: 0 };
          d.events++;
          d.volunteers += p.volunteers;
          d.hours += p.hours;
          direct.set(p.cell ?? '', d);
        }
        const { from, to } = windowMs(w);
        const figures = cellActivity(index.activity, leaves, from, to, kinds);
        expect(figures.size).toBe(leaves.length);
        // One comparison per window (a per-cell expect() would dominate the run time); hours to 1e-6.
        const row = (leaf: string, f: { events: number; volunteers: number; hours: number } | undefined) =>
          [leaf, f?.events ?? 0, f?.volunteers ?? 0, Math.round((f?.hours ?? 0) * 1e6)].join(' ');
        expect(leaves.map((l) => row(l, figures.get(l)))).toEqual(leaves.map((l) => row(l, direct.get(l))));
        const total = [...figures.values()].reduce((s, f) => s + f.events, 0);
        // Every event of the pack names a micro cell: nothing is lost between the two counts.
        expect(total).toBe([...direct.values()].reduce((s, d) => s + d.events, 0));
      }
    }
  });

  it('per day and kind (histogram, legend counts) equal a brute-force count too', () => {
    const timeline = packIndex(jiading).activityTimeline;
    if (!timeline) throw new Error('no timeline');
    expect(timeline.lastDay - timeline.firstDay + 1).toBe(365);
    for (const w of WINDOWS) {
      const totals = kindTotals(timeline, dayNumber(w.from), dayNumber(w.to));
      for (const kind of timeline.kinds) {
        const direct = jiading.activity.filter(
          (e) => e.properties.kind === kind && inWindow(e.properties.time, w),
        );
        expect(totals.get(kind)?.events).toBe(direct.length);
        expect(totals.get(kind)?.volunteers).toBe(direct.reduce((s, e) => s + e.properties.volunteers, 0));
      }
    }
    const series = dailySeries(timeline, 'events', ['patrol']);
    expect(series.reduce((a, b) => a + b, 0)).toBe(
      jiading.activity.filter((e) => e.properties.kind === 'patrol').length,
    );
    expect(series[dayNumber('2026-03-05') - timeline.firstDay]).toBe(
      jiading.activity.filter(
        (e) => e.properties.kind === 'patrol' && writtenDay(e.properties.time) === '2026-03-05',
      ).length,
    );
  });
});

describe('class breaks', () => {
  it('are quantiles of the positive values, rounded down, distinct and ascending', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileBreaks(values, 5)).toEqual([1, 21, 41, 61, 81]);
    expect(quantileBreaks([0, 0, 3, 3, 3, 3, 9], 5)).toEqual([3, 9]);
    // Ties: 35 cells with 1, 21 with 2, 24 with 3, then one each of 4…23. Plain quantiles (1, 1, 2, 3, 3)
    // would give three classes; moving a tied bound up to the next value keeps five.
    const tied = [...Array(35).fill(1), ...Array(21).fill(2), ...Array(24).fill(3)];
    for (let v = 4; v <= 23; v++) tied.push(v);
    expect(quantileBreaks(tied, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(quantileBreaks([0, 0], 5)).toEqual([]);
    expect(quantileBreaks([0.26, 1.37, 2.99], 3, 1)).toEqual([0.2, 1.3, 2.9]);
  });

  it('put every value in the class whose bounds contain it; zero in none', () => {
    const breaks = quantileBreaks([1, 2, 2, 5, 8, 13, 21, 34], 4);
    for (const v of [1, 2, 4.9, 5, 7, 8, 20, 34, 99]) {
      const c = classOf(v, breaks);
      expect(breaks[c] as number).toBeLessThanOrEqual(v);
      if (c + 1 < breaks.length) expect(v).toBeLessThan(breaks[c + 1] as number);
    }
    expect(classOf(0, breaks)).toBe(-1);
    expect(classOf(5, [])).toBe(-1);
  });

  it('spread fewer classes over the whole ramp', () => {
    expect([0, 1].map((i) => rampIndex(i, 2, 5))).toEqual([0, 4]);
    expect([0, 1, 2, 3, 4].map((i) => rampIndex(i, 5, 5))).toEqual([0, 1, 2, 3, 4]);
  });

  it('give Jiading’s cells roughly equal classes, each cell coloured by its own class', () => {
    const index = packIndex(jiading);
    const leaves = jiading.grid.byDepth[2] ?? [];
    const { from, to } = windowMs({ from: '2026-05-01', to: '2026-05-31' });
    const values = cellActivity(index.activity, leaves, from, to);
    const c = activityChoropleth(values, 'volunteers');
    expect(c.classes.reduce((s, k) => s + k.cells, 0) + c.emptyCells).toBe(leaves.length);
    const active = leaves.length - c.emptyCells;
    // Quantiles of integer counts are not exact, but no class may hold more than twice its share.
    for (const k of c.classes) expect(k.cells).toBeLessThan((2 * active) / c.classes.length);
    for (const [id, state] of c.states) {
      const v = values.get(id)?.volunteers ?? 0;
      const cls = classOf(v, c.breaks);
      expect(state.actColour).toBe(cls < 0 ? 0 : CELL_RAMP.indexOf(c.classes[cls]?.colour as never) + 1);
      expect(state.actVolunteers).toBe(v);
    }
  });
});

describe('the style and the legend come from the same tables', () => {
  const style = (over: Partial<ActivityStyle>): ActivityStyle => ({
    ...HIDDEN_ACTIVITY,
    visible: true,
    fromDay: dayNumber('2026-03-01'),
    toDay: dayNumber('2026-03-31'),
    ...over,
  });

  it('is a valid style with the events in one ga- source and the layers in the right order', () => {
    const data = deriveMapData(jiading);
    const s = buildMapStyle(data, 'zh', null, null, undefined, undefined, style({}));
    expect(validateStyleMin(s)).toEqual([]);
    expect(ACTIVITY_SOURCE.startsWith('ga-')).toBe(true);
    expect(s.sources[ACTIVITY_SOURCE]).toEqual({ type: 'geojson', data: data.activity.points });
    const ids = s.layers.map((l) => l.id);
    // Cells under the planner's shade and the grid's outlines; the heat under the outlines; points on top.
    expect(ids.indexOf(ACTIVITY_LAYER.cells)).toBeLessThan(ids.indexOf('coverage-shade'));
    expect(ids.indexOf(ACTIVITY_LAYER.heat)).toBeLessThan(ids.indexOf('grid-line-area'));
    expect(ids.indexOf(ACTIVITY_LAYER.points)).toBeGreaterThan(ids.indexOf('boundary-line'));
    // Hidden by default (the overlay is not among the default overlays).
    const hidden = buildMapStyle(data, 'zh');
    for (const id of Object.values(ACTIVITY_LAYER)) {
      const layer = hidden.layers.find((l) => l.id === id);
      expect(layer?.layout?.visibility).toBe('none');
    }
  });

  it('shows heat or cells, and points in both views, only when the overlay is on', () => {
    expect(activityVisibility(style({ view: 'heat' }))).toEqual({
      [ACTIVITY_LAYER.heat]: 'visible',
      [ACTIVITY_LAYER.points]: 'visible',
      [ACTIVITY_LAYER.cells]: 'none',
    });
    expect(activityVisibility(style({ view: 'cells' }))[ACTIVITY_LAYER.cells]).toBe('visible');
    expect(activityVisibility(style({ view: 'cells' }))[ACTIVITY_LAYER.heat]).toBe('none');
    expect(Object.values(activityVisibility(style({ visible: false })))).toEqual(['none', 'none', 'none']);
  });

  it('legend: the points’ colours, the window’s counts per kind, 0 for kinds filtered out', () => {
    const index = packIndex(jiading);
    const timeline = index.activityTimeline;
    if (!timeline) throw new Error('no timeline');
    const totals = kindTotals(timeline, dayNumber('2026-03-01'), dayNumber('2026-03-31'));
    const legend = activityLegend({
      lang: 'en',
      kinds: timeline.kinds,
      kindTotals: totals,
      selected: ['patrol', 'traffic'],
      view: 'heat',
      measure: 'volunteers',
      choropleth: null,
    });
    expect(legend.overlay).toBe('activity');
    expect(legend.title).toBe('Volunteer activity');
    expect(legend.entries[0]).toMatchObject({
      key: 'heat',
      label: 'heat of volunteers',
      swatch: { shape: 'ramp' },
    });
    const expression = kindColourExpression(kindColours(timeline.kinds)) as unknown[];
    const kindRows = legend.entries.filter((e) => e.key.startsWith('kind:'));
    expect(kindRows.map((e) => e.key.slice(5))).toEqual([...timeline.kinds]);
    for (const row of kindRows) {
      const kind = row.key.slice(5);
      // The colour the points layer's match expression gives this kind.
      const colour = expression[expression.indexOf(kind) + 1];
      expect(row.swatch).toMatchObject({ shape: 'circle', colour });
      expect(row.count).toBe(['patrol', 'traffic'].includes(kind) ? totals.get(kind)?.events : 0);
    }
    expect(kindRows.find((e) => e.key === 'kind:patrol')?.label).toBe('patrol');
  });

  it('legend in the cells view: the classes with their colours and cell counts, then the empty cells', () => {
    const index = packIndex(jiading);
    const leaves = jiading.grid.byDepth[2] ?? [];
    const { from, to } = windowMs({ from: '2026-03-01', to: '2026-03-07' });
    const choropleth = activityChoropleth(cellActivity(index.activity, leaves, from, to), 'events');
    const legend = activityLegend({
      lang: 'zh',
      kinds: index.activityTimeline?.kinds ?? [],
      kindTotals: new Map(),
      selected: null,
      view: 'cells',
      measure: 'events',
      choropleth,
    });
    const cells = legend.entries.filter((e) => e.key.startsWith('cells-'));
    expect(cells.map((e) => e.count)).toEqual([
      ...choropleth.classes.map((c) => c.cells),
      choropleth.emptyCells,
    ]);
    expect(cells.at(-1)?.swatch).toEqual({ shape: 'area', colour: CELL_NONE_COLOUR });
    // Each class's swatch is the colour the layer paints for that class's feature-state.
    const paint = cellsFillColour() as unknown[];
    choropleth.classes.forEach((c, i) => {
      const state = [...choropleth.states.values()].find(
        (s) => classOf(s.actEvents, choropleth.breaks) === i,
      );
      expect(cells[i]?.swatch).toEqual({ shape: 'area', colour: c.colour });
      expect(paint[paint.indexOf(state?.actColour) + 1]).toBe(c.colour);
    });
    // Labels read as ranges of whole events: "1", "2–3", …
    expect(cells[0]?.label).toMatch(/^\d+(–\d+)?$/);
  });
});
