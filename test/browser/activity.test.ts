/**
 * The volunteer activity overlay in the real built app (Chromium, software WebGL) on the Jiading pack:
 * what the map draws for a window is checked against counts made here, independently, from the pack
 * file itself (data/regions/jiading/activity.geojson), using only each event's written date.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

interface EventProps {
  id: string;
  time: string;
  kind: string;
  volunteers: number;
  hours: number;
  cell: string;
}
const events = (
  JSON.parse(readFileSync('data/regions/jiading/activity.geojson', 'utf8')) as {
    features: { properties: EventProps }[];
  }
).features.map((f) => ({ ...f.properties, day: f.properties.time.slice(0, 10) }));
const leaves = (
  JSON.parse(readFileSync('data/regions/jiading/grids.geojson', 'utf8')) as {
    features: { properties: { id: string; level: string } }[];
  }
).features
  .filter((c) => c.properties.level === 'micro')
  .map((c) => c.properties.id);

/** The district's bounding box [west, south, east, north], from its boundary file. */
const districtBox = (() => {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      box[0] = Math.min(box[0] as number, x as number);
      box[1] = Math.min(box[1] as number, y as number);
      box[2] = Math.max(box[2] as number, x as number);
      box[3] = Math.max(box[3] as number, y as number);
    } else if (Array.isArray(c)) for (const part of c) visit(part);
  };
  const boundary = JSON.parse(readFileSync('data/regions/jiading/boundary.geojson', 'utf8')) as {
    features: { geometry: { coordinates: unknown } }[];
  };
  for (const f of boundary.features) visit(f.geometry.coordinates);
  return box;
})();

type Window = { from: string; to: string };
/** What the page exposes to tests (the map handle) and what `instrument()` adds. */
interface PageGlobals {
  __gridatlasMap: {
    getFilter: (layer: string) => unknown;
    getLayoutProperty: (layer: string, name: string) => unknown;
    getPaintProperty: (layer: string, name: string) => unknown;
  };
  __activityCounts: { setData: number; loads: number; cellStates: number };
}
/** Every event is written at +08:00, so its date part is its Shanghai calendar day. */
const inWindow = (w: Window, kinds: string[] | null = null) =>
  events.filter((e) => e.day >= w.from && e.day <= w.to && (kinds === null || kinds.includes(e.kind)));
/** Days since 1970-01-01 of a calendar date: what the map filter compares. */
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const perCell = (list: typeof events) => {
  const out = new Map<string, { events: number; volunteers: number; hours: number }>();
  for (const e of list) {
    const c = out.get(e.cell) ?? { events: 0, volunteers: 0, hours: 0 };
    c.events++;
    c.volunteers += e.volunteers;
    c.hours += e.hours;
    out.set(e.cell, c);
  }
  return out;
};
const sorted = (ids: Iterable<string>) => [...ids].sort();

/** The app with the activity overlay, driven as a user does: the toggle, the time bar, the legend. */
class ActivityPage {
  constructor(readonly app: AppDriver) {}

  static async open(browser: Browser, search = ''): Promise<ActivityPage> {
    const page = new ActivityPage(await AppDriver.open(browser, inject('appUrl'), search));
    await page.app.waitForMapIdle();
    return page;
  }

  get page() {
    return this.app.page;
  }

  /** Runs an arrow function on the map in the page (passed as text: no bundler helpers leak in). */
  map<T>(fn: string, arg: unknown = null): Promise<T> {
    return this.page.evaluate(`(${fn})(window.__gridatlasMap, ${JSON.stringify(arg)})`) as Promise<T>;
  }

  async window(): Promise<Window> {
    const label = this.page.getByTestId('window-label');
    return {
      from: (await label.getAttribute('data-from')) ?? '',
      to: (await label.getAttribute('data-to')) ?? '',
    };
  }

  /** Waits until the map filters the given window, then until it has drawn it. */
  async shows(w: Window): Promise<void> {
    await this.page.waitForFunction(
      ([from, to]) =>
        JSON.stringify((window as unknown as PageGlobals).__gridatlasMap.getFilter('activity-heat')).includes(
          `${from}],["<=",["get","day"],${to}]`,
        ),
      [dayNumber(w.from), dayNumber(w.to)],
    );
    await this.app.waitForMapIdle();
  }

  /** Ids (unique) and kinds of the events a layer draws in the whole view. */
  rendered(
    layer: 'activity-heat' | 'activity-points',
  ): Promise<{ ids: string[]; kinds: string[]; days: number[] }> {
    return this.map(
      `(m, layer) => {
        const fs = m.queryRenderedFeatures({ layers: [layer] });
        const ids = new Set(fs.map((f) => f.properties.id));
        return { ids: [...ids], kinds: [...new Set(fs.map((f) => f.properties.kind))], days: fs.map((f) => f.properties.day) };
      }`,
      layer,
    );
  }

  cellStates(ids: string[]): Promise<Record<string, Record<string, number>>> {
    return this.map(
      `(m, ids) => Object.fromEntries(ids.map((id) => [id, m.getFeatureState({ source: 'ga-grid', id })]))`,
      ids,
    );
  }

  /** Counts setData calls and content loads of the activity source, and setFeatureState calls. */
  instrument(): Promise<void> {
    return this.map(`(m) => {
      const counts = { setData: 0, loads: 0, cellStates: 0 };
      window.__activityCounts = counts;
      const source = m.getSource('ga-activity');
      const setData = source.setData.bind(source);
      source.setData = (data) => { counts.setData++; return setData(data); };
      m.on('data', (e) => {
        if (e.sourceId === 'ga-activity' && e.dataType === 'source' && e.sourceDataType === 'content') counts.loads++;
      });
      const setFeatureState = m.setFeatureState.bind(m);
      m.setFeatureState = (target, state) => {
        if (target.source === 'ga-grid' && 'actEvents' in state) counts.cellStates++;
        return setFeatureState(target, state);
      };
    }`);
  }

  counts(): Promise<{ setData: number; loads: number; cellStates: number }> {
    return this.page.evaluate('({ ...window.__activityCounts })') as Promise<{
      setData: number;
      loads: number;
      cellStates: number;
    }>;
  }

  async resetCounts(): Promise<void> {
    await this.page.evaluate(
      'Object.assign(window.__activityCounts, { setData: 0, loads: 0, cellStates: 0 })',
    );
  }

  async key(key: string): Promise<void> {
    await this.page.getByTestId('window-slider').focus();
    await this.page.keyboard.press(key);
  }

  async width(width: 'day' | 'week' | 'month' | 'custom'): Promise<Window> {
    await this.page.getByTestId(`width-${width}`).click();
    const w = await this.window();
    await this.shows(w);
    return w;
  }
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('volunteer activity on the map', () => {
  it('is off by default; the toggle draws the window’s events as heat, and points up close', async () => {
    const a = await ActivityPage.open(browser);
    expect(await a.page.getByTestId('time-bar').count()).toBe(0);
    expect((await a.rendered('activity-heat')).ids).toEqual([]);

    await a.page.getByTestId('toggle-activity').click();
    await a.page.getByTestId('time-bar').waitFor();
    const w = await a.window();
    // The default window: the latest 12 weeks of the pack (defaultWindow), as the cell panel uses.
    expect(w).toEqual({ from: '2026-08-09', to: '2026-10-31' });
    await a.shows(w);
    expect(new URL(a.page.url()).searchParams.get('layers')?.split(',')).toContain('activity');
    const heat = await a.rendered('activity-heat');
    // The whole district is in view: the heat draws exactly the window's events.
    expect(sorted(heat.ids)).toEqual(sorted(inWindow(w).map((e) => e.id)));
    expect(await a.page.getByTestId('window-totals').getAttribute('data-events')).toBe(
      String(heat.ids.length),
    );

    // Up close the heat has faded out and the events are points.
    await a.map(`(m) => m.jumpTo({ center: [121.2662, 31.3849], zoom: 15.5 })`);
    await a.app.waitForMapIdle();
    expect((await a.rendered('activity-heat')).ids).toEqual([]);
    const points = await a.rendered('activity-points');
    expect(points.ids.length).toBeGreaterThan(20);
    const ids = new Set(inWindow(w).map((e) => e.id));
    expect(points.ids.filter((id) => !ids.has(id))).toEqual([]);
    expect(a.app.log.pageErrors).toEqual([]);
    expect(a.app.log.consoleErrors).toEqual([]);
    await a.app.close();
  });

  it('a page opened with the time bar on fits the district above the bar', async () => {
    // The map draws the grid before the pack's activity is in (and so before the bar shows): the fit is
    // redone for the bar, as the camera is still where the first fit put it.
    const a = await ActivityPage.open(browser, '?layers=activity');
    await a.page.getByTestId('time-bar').waitFor();
    await a.app.waitForMapIdle();
    const { south, barTop } = await a.map<{ south: number; barTop: number }>(
      `(m, b) => {
        const box = m.getContainer().getBoundingClientRect();
        const bar = document.querySelector('[data-testid="time-bar"]').getBoundingClientRect();
        return { south: m.project([(b[0] + b[2]) / 2, b[1]]).y, barTop: bar.top - box.top };
      }`,
      districtBox,
    );
    expect(south).toBeLessThanOrEqual(barTop);
    await a.app.close();
  });

  it('moving the slider (keys and drag) shows another window’s events, filtered, never re-uploaded', async () => {
    const a = await ActivityPage.open(browser, '?layers=activity');
    await a.instrument();
    const week = await a.width('week');
    expect(week).toEqual({ from: '2026-10-25', to: '2026-10-31' });
    const first = await a.rendered('activity-heat');
    expect(sorted(first.ids)).toEqual(sorted(inWindow(week).map((e) => e.id)));

    await a.resetCounts();
    await a.key('PageDown');
    const before = await a.window();
    expect(before).toEqual({ from: '2026-10-18', to: '2026-10-24' });
    await a.shows(before);
    const second = await a.rendered('activity-heat');
    expect(sorted(second.ids)).toEqual(sorted(inWindow(before).map((e) => e.id)));
    expect(second.ids.some((id) => first.ids.includes(id))).toBe(false);
    expect(second.days.every((d) => d >= dayNumber(before.from) && d <= dayNumber(before.to))).toBe(true);

    // Drag the band a quarter of the track to the left.
    const track = await a.page.getByTestId('time-track').boundingBox();
    const band = await a.page.getByTestId('window-slider').boundingBox();
    if (!track || !band) throw new Error('no time bar');
    const y = band.y + band.height / 2;
    await a.page.mouse.move(band.x + band.width / 2, y);
    await a.page.mouse.down();
    await a.page.mouse.move(band.x + band.width / 2 - track.width / 4, y, { steps: 6 });
    await a.page.mouse.up();
    const dragged = await a.window();
    expect(dragged.from < '2026-08-01').toBe(true);
    expect(dayNumber(dragged.to) - dayNumber(dragged.from)).toBe(6);
    await a.shows(dragged);
    expect(sorted((await a.rendered('activity-heat')).ids)).toEqual(
      sorted(inWindow(dragged).map((e) => e.id)),
    );

    // Neither the keys nor the drag sent the events again: only the layer filter changed.
    expect(await a.counts()).toMatchObject({ setData: 0, loads: 0 });
    // The instrument itself works: a real setData is seen.
    await a.map(`async (m) => { const s = m.getSource('ga-activity'); await s.setData(await s.getData()); }`);
    await a.page.waitForFunction(() => (window as unknown as PageGlobals).__activityCounts.loads > 0);
    expect((await a.counts()).setData).toBe(1);
    await a.app.close();
  });

  it('a language switch keeps the overlay, its window and its data (style diff, no re-upload)', async () => {
    const a = await ActivityPage.open(browser, '?layers=activity&from=2026-04-01&to=2026-04-30');
    await a.shows({ from: '2026-04-01', to: '2026-04-30' });
    await a.instrument();
    const zh = await a.rendered('activity-heat');
    await a.page.locator('.lang-switch').click();
    await a.page.locator('.app[lang="en"]').waitFor();
    await a.app.waitForMapIdle();
    const en = await a.rendered('activity-heat');
    expect(sorted(en.ids)).toEqual(sorted(zh.ids));
    expect(sorted(en.ids)).toEqual(
      sorted(inWindow({ from: '2026-04-01', to: '2026-04-30' }).map((e) => e.id)),
    );
    expect(await a.counts()).toMatchObject({ setData: 0, loads: 0 });
    expect(await a.page.getByTestId('activity-legend').locator('h2').textContent()).toBe(
      'Volunteer activity',
    );
    await a.app.close();
  });

  it('the kind filter leaves only that kind on the map and in the legend’s counts', async () => {
    const a = await ActivityPage.open(browser, '?layers=activity&from=2026-03-01&to=2026-03-31');
    const w = { from: '2026-03-01', to: '2026-03-31' };
    await a.shows(w);
    const kinds = a.page.getByTestId('activity-kind');
    const all = await kinds.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind') ?? ''));
    expect(sorted(all)).toEqual(sorted(new Set(events.map((e) => e.kind))));
    // Legend counts before filtering: each kind's events in the window.
    for (const kind of all) {
      expect(await a.page.locator(`[data-kind="${kind}"]`).getAttribute('data-count')).toBe(
        String(inWindow(w, [kind]).length),
      );
    }
    for (const kind of all.filter((k) => k !== 'traffic')) {
      await a.page.locator(`[data-testid="activity-kind"][data-kind="${kind}"]`).click();
    }
    await a.page.waitForFunction(() =>
      JSON.stringify((window as unknown as PageGlobals).__gridatlasMap.getFilter('activity-heat')).includes(
        '"traffic"',
      ),
    );
    await a.app.waitForMapIdle();
    const heat = await a.rendered('activity-heat');
    expect(heat.kinds).toEqual(['traffic']);
    expect(sorted(heat.ids)).toEqual(sorted(inWindow(w, ['traffic']).map((e) => e.id)));
    expect(await a.page.getByTestId('window-totals').getAttribute('data-events')).toBe(
      String(inWindow(w, ['traffic']).length),
    );
    expect(await a.page.locator('[data-kind="patrol"]').getAttribute('data-count')).toBe('0');
    await a.map(`(m) => m.jumpTo({ center: [121.2662, 31.3849], zoom: 15 })`);
    await a.app.waitForMapIdle();
    const points = await a.rendered('activity-points');
    expect(points.ids.length).toBeGreaterThan(0);
    expect(points.kinds).toEqual(['traffic']);
    // "All kinds" puts every kind back.
    await a.page.getByTestId('kinds-all').click();
    await a.page.waitForFunction(
      () =>
        !JSON.stringify(
          (window as unknown as PageGlobals).__gridatlasMap.getFilter('activity-heat'),
        ).includes('"traffic"'),
    );
    await a.app.waitForMapIdle();
    expect((await a.rendered('activity-points')).kinds.length).toBeGreaterThan(1);
    await a.app.close();
  });
});

describe('per-cell figures for the window', () => {
  it('feature-state of every micro cell and the cell panel equal a direct count over the window’s events', async () => {
    const cell = 'M0976';
    const a = await ActivityPage.open(browser, `?layers=activity&cell=${cell}&from=2026-05-01&to=2026-05-31`);
    await a.page.getByTestId('activity-view-cells').click();
    const w = { from: '2026-05-01', to: '2026-05-31' };
    await a.page.waitForFunction(
      () =>
        (window as unknown as PageGlobals).__gridatlasMap.getLayoutProperty(
          'activity-cells',
          'visibility',
        ) === 'visible',
    );
    await a.app.waitForMapIdle();
    await a.instrument();
    const check = async (win: Window) => {
      const direct = perCell(inWindow(win));
      const states = await a.cellStates(leaves);
      const row = (id: string, s: { events: number; volunteers: number; hours: number } | undefined) =>
        `${id} ${s?.events ?? 0} ${s?.volunteers ?? 0} ${(s?.hours ?? 0).toFixed(2)}`;
      expect(
        leaves.map((id) =>
          row(id, {
            events: states[id]?.actEvents ?? -1,
            volunteers: states[id]?.actVolunteers ?? -1,
            hours: states[id]?.actHours ?? -1,
          }),
        ),
      ).toEqual(leaves.map((id) => row(id, direct.get(id))));
      // The panel's own number for the open cell.
      await a.page
        .getByTestId('events-count')
        .filter({ hasText: String(direct.get(cell)?.events ?? 0) })
        .waitFor();
      // The legend's classes cover every cell once.
      const classCounts = await a.page
        .getByTestId('activity-scale')
        .locator('li')
        .evaluateAll((lis) => lis.map((li) => Number(li.getAttribute('data-count'))));
      expect(classCounts.reduce((s, n) => s + n, 0)).toBe(leaves.length);
      return direct;
    };
    const may = await check(w);
    expect(may.get(cell)?.events).toBeGreaterThan(0);
    // The choropleth is drawn (in view: the open cell and the cells around it).
    expect(
      await a.map<number>(`(m) => m.queryRenderedFeatures({ layers: ['activity-cells'] }).length`),
    ).toBeGreaterThan(5);

    // A day, then the next day: only cells active on either day may be written, at least those whose figures changed.
    await a.width('day');
    const day1 = await a.window();
    await check(day1);
    await a.resetCounts();
    await a.key('ArrowLeft');
    const day2 = await a.window();
    expect(dayNumber(day1.from) - dayNumber(day2.from)).toBe(1);
    await a.shows(day2);
    const direct2 = await check(day2);
    const direct1 = perCell(inWindow(day1));
    const touched = new Set([...direct1.keys(), ...direct2.keys()]);
    const changed = [...touched].filter((id) => {
      const x = direct1.get(id);
      const y = direct2.get(id);
      return x?.events !== y?.events || x?.volunteers !== y?.volunteers || x?.hours !== y?.hours;
    });
    const { cellStates, setData } = await a.counts();
    expect(setData).toBe(0);
    expect(cellStates).toBeGreaterThanOrEqual(changed.length);
    expect(cellStates).toBeLessThanOrEqual(touched.size);
    expect(touched.size).toBeLessThan(leaves.length / 4);
    expect(a.app.log.pageErrors).toEqual([]);
    await a.app.close();
  });
});

describe('playing the window', () => {
  it('advances a step per tick without touching the address bar, pauses, and stops at the end', async () => {
    const a = await ActivityPage.open(browser, '?layers=activity');
    await a.width('week');
    await a.key('Home');
    const start = await a.window();
    expect(start).toEqual({ from: '2025-11-01', to: '2025-11-07' });
    await a.shows(start);
    await a.page.getByTestId('speed').selectOption('4');
    const url = a.page.url();
    const historyLength = await a.page.evaluate('history.length');
    await a.page.getByTestId('play').click();
    await a.page.waitForFunction(
      () =>
        ((document.querySelector('[data-testid="window-label"]') as HTMLElement).dataset.from ?? '') >=
        '2025-11-15',
    );
    expect(a.page.url()).toBe(url);
    await a.page.getByTestId('play').click();
    expect(await a.page.getByTestId('play').getAttribute('data-playing')).toBe('false');
    const paused = await a.window();
    expect(paused.from >= '2025-11-15').toBe(true);
    // Whole steps of the window's width (a week) from where it started.
    expect((dayNumber(paused.from) - dayNumber(start.from)) % 7).toBe(0);
    // Paused: the window stays put (several ticks at 4× = 300 ms), and the address bar has it once.
    await a.page.waitForTimeout(1200);
    expect(await a.window()).toEqual(paused);
    await a.shows(paused);
    const params = new URL(a.page.url()).searchParams;
    expect([params.get('from'), params.get('to')]).toEqual([paused.from, paused.to]);
    expect(await a.page.evaluate('history.length')).toBe(historyLength);
    expect(sorted((await a.rendered('activity-heat')).ids)).toEqual(
      sorted(inWindow(paused).map((e) => e.id)),
    );

    // Near the end, without loop: it plays to the last week and stops by itself.
    await a.key('End');
    await a.key('PageDown');
    await a.page.getByTestId('play').click();
    await a.page.locator('[data-testid="play"][data-playing="false"]').waitFor({ timeout: 10_000 });
    const end = await a.window();
    expect(end).toEqual({ from: '2026-10-25', to: '2026-10-31' });
    await a.shows(end);
    expect(new URL(a.page.url()).searchParams.get('to')).toBe('2026-10-31');
    await a.app.close();
  });

  it('with reduced motion, steps swap at once: no easing of the band or the heat', async () => {
    const a = new ActivityPage(await AppDriver.open(browser, inject('appUrl'), '?layers=activity'));
    await a.page.emulateMedia({ reducedMotion: 'reduce' });
    await a.app.waitForMapIdle();
    await a.page.waitForFunction(
      () =>
        (
          (window as unknown as PageGlobals).__gridatlasMap.getPaintProperty(
            'activity-heat',
            'heatmap-intensity-transition',
          ) as { duration?: number } | undefined
        )?.duration === 0,
    );
    expect(
      await a.page.getByTestId('window-slider').evaluate((el) => getComputedStyle(el).transitionDuration),
    ).toMatch(/^0s(, 0s)*$/);
    await a.width('month');
    await a.key('Home');
    const before = await a.window();
    expect(before).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    await a.shows(before);
    await a.page.getByTestId('play').click();
    await a.page.waitForFunction(
      (from) => (document.querySelector('[data-testid="window-label"]') as HTMLElement).dataset.from !== from,
      before.from,
    );
    await a.page.getByTestId('play').click();
    expect(await a.page.getByTestId('play').getAttribute('data-playing')).toBe('false');
    await a.app.close();
  });
});
