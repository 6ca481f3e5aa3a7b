/**
 * The wall screen (?mode=wall) in real headless Chromium against the real app server and the simulated
 * status server (liveUrl: manual ticks, 1 s polls, faults and levels switchable through /__control).
 * Every number on screen is counted again here from the pack's files and the feed's JSON, by hand.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { area, difference, featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { StatusFeed } from '../../src/data/status-schema.ts';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
interface Cell {
  id: string;
  level: string;
  parent: string | null;
  town?: string;
  population?: number;
}

const PACK = 'data/regions/jiading';
const read = <T>(file: string): T => JSON.parse(readFileSync(`${PACK}/${file}`, 'utf8')) as T;
const grids = read<{ features: Area[] }>('grids.geojson').features;
const cells = grids.map((f) => f.properties as unknown as Cell);
const byId = new Map(cells.map((c) => [c.id, c]));
const DAY = 86_400_000;

let browser: Browser;

async function control(query: string): Promise<void> {
  const res = await fetch(`${inject('liveUrl')}status/jiading/__control?${query}`);
  expect(res.ok).toBe(true);
}
async function feedNow(): Promise<StatusFeed> {
  return (await (await fetch(`${inject('liveUrl')}status/jiading/status.json`)).json()) as StatusFeed;
}

/** A displayed number: "1,882" → 1882, "99.98 %" → 99.98, "—" → NaN. */
const asNumber = (text: string | null) => Number((text ?? '').replace(/[,\s%]/g, ''));
const shown = (page: Page, id: string) => page.getByTestId(id).first().textContent().then(asNumber);

/**
 * Opens the wall, runs `body`, and always closes the page: a page left open keeps its software-WebGL
 * map drawing and would slow every later test down.
 */
async function withWall(
  search: string,
  viewport: { width: number; height: number },
  body: (app: AppDriver) => Promise<void>,
): Promise<void> {
  const app = await AppDriver.open(browser, inject('liveUrl'), search, viewport);
  try {
    await app.waitForMapIdle(120_000);
    await body(app);
    expect(app.log.pageErrors).toEqual([]);
  } finally {
    await app.close();
  }
}
const LONG = 240_000;

function bboxOf(id: string): [number, number, number, number] {
  const f = grids.find((g) => g.properties.id === id);
  if (!f) throw new Error(`no cell ${id}`);
  const flat = (f.geometry.coordinates as unknown[]).flat(3) as number[];
  const xs = flat.filter((_, i) => i % 2 === 0);
  const ys = flat.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** Covered share of the boundary by the union of one level's cells: the planners' naive method. */
function naiveCoverage(level: string): number {
  const boundary = read<{ features: Area[] }>('boundary.geojson').features[0] as Area;
  const all = union(featureCollection(grids.filter((g) => g.properties.level === level)));
  const gap = all ? difference(featureCollection([boundary, all])) : boundary;
  return 1 - (gap ? area(gap) : 0) / area(boundary);
}
const floor2 = (share: number) => Math.floor(share * 10_000 + 1e-9) / 100;

/** What the district tiles must say, counted from the files and the feed. */
function expectedFigures(feed: StatusFeed, day: string) {
  const levels = ['area', 'community', 'micro'];
  const cellsPer = Object.fromEntries(levels.map((l) => [l, cells.filter((c) => c.level === l).length]));
  const status = new Map(
    read<{ features: { properties: { id: string; status: string } }[] }>('projects.geojson').features.map(
      (f) => [f.properties.id, f.properties.status] as const,
    ),
  );
  for (const p of feed.projects) if (p.status) status.set(p.id, p.status);
  const count = (s: string) => [...status.values()].filter((x) => x === s).length;
  // Events: the pack's and the feed's, the feed's version winning for a repeated id.
  const events = new Map<string, { t: number; v: number }>();
  for (const f of read<{ features: { properties: { id: string; time: string; volunteers: number } }[] }>(
    'activity.geojson',
  ).features)
    events.set(f.properties.id, { t: Date.parse(f.properties.time), v: f.properties.volunteers });
  for (const e of feed.activity) events.set(e.id, { t: Date.parse(e.time), v: e.volunteers });
  const start = Date.parse(`${day}T00:00:00+08:00`);
  const within = (from: number) => [...events.values()].filter((e) => e.t >= from && e.t < start + DAY);
  const open = feed.alerts.filter((a) => !a.closedAt && byId.has(a.cell));
  return {
    cellsPer,
    partners: read<{ features: unknown[] }>('partners.geojson').features.length,
    active: count('active') + count('delayed'),
    onTrack: count('active'),
    delayed: count('delayed'),
    eventsToday: within(start).length,
    volunteersToday: within(start).reduce((s, e) => s + e.v, 0),
    eventsWeek: within(start - 6 * DAY).length,
    volunteersWeek: within(start - 6 * DAY).reduce((s, e) => s + e.v, 0),
    open: open.length,
    critical: open.filter((a) => a.severity === 'critical').length,
    staff: feed.onDuty.reduce((s, d) => s + d.staff, 0),
    dutyVolunteers: feed.onDuty.reduce((s, d) => s + d.volunteers, 0),
  };
}

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Boxes of the wall's blocks and of every primary number (with its tile and font size). */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element, id: string) => {
      const r = el.getBoundingClientRect();
      return { id, x: r.x, y: r.y, w: r.width, h: r.height };
    };
    const blocks = [...document.querySelectorAll('.tile, .stop, .wall-center, .wall-head, .ticker')].map(
      (el) => box(el, el.getAttribute('data-testid') ?? el.className),
    );
    const numbers = [...document.querySelectorAll('.tile .num, .stop .num')].map((el) => ({
      ...box(el, el.getAttribute('data-testid') ?? el.className),
      tile: box(el.closest('.tile, .stop') as Element, ''),
      fontPx: Number.parseFloat(getComputedStyle(el).fontSize),
      inTile: el.closest('.tile')?.getAttribute('data-testid') ?? 'stop',
    }));
    return { blocks, numbers, width: innerWidth, height: innerHeight };
  });
}

const overlap = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));

beforeAll(async () => {
  await control('fault=none&level=normal&advance=12');
  browser = await launchChromium();
});
afterAll(async () => {
  await control('fault=none&level=normal');
  await browser?.close();
});

describe('the wall at native resolutions', () => {
  const sizes = [
    { name: '1080p', width: 1920, height: 1080 },
    { name: '4k', width: 3840, height: 2160 },
    { name: '32x9', width: 5120, height: 1440 },
  ];
  for (const size of sizes) {
    it(`${size.name}: every tile inside the screen, none overlapping, numbers large and equal to the pack and feed`, async () => {
      await withWall('?mode=wall&interval=600', size, async (app) => {
        const { page } = app;
        // The coverage worker's report and a live poll have both arrived.
        await expect
          .poll(() => page.getByTestId('kpi-coverage-micro').getAttribute('data-value'), { timeout: 120_000 })
          .not.toBe('');
        await expect
          .poll(() => page.getByTestId('kpi-tiles').getAttribute('data-basis'), { timeout: 20_000 })
          .toBe('live');

        // Layout: inside the viewport, no two blocks overlapping, no number cut by its tile or crowding another.
        const { blocks, numbers, width, height } = await layout(page);
        expect(blocks.length).toBeGreaterThanOrEqual(8 + 4);
        for (const b of blocks) {
          expect(b.x, b.id).toBeGreaterThanOrEqual(0);
          expect(b.y, b.id).toBeGreaterThanOrEqual(0);
          expect(b.x + b.w, b.id).toBeLessThanOrEqual(width + 0.5);
          expect(b.y + b.h, b.id).toBeLessThanOrEqual(height + 0.5);
        }
        for (const [i, a] of blocks.entries())
          for (const b of blocks.slice(i + 1)) expect(overlap(a, b), `${a.id} × ${b.id}`).toBeLessThan(1);
        for (const n of numbers) {
          // Readable from across the room: at least 4 % of the screen's height (43 px at 1080 lines).
          expect(n.fontPx, n.id).toBeGreaterThanOrEqual(0.04 * height);
          expect(n.x, n.id).toBeGreaterThanOrEqual(n.tile.x - 0.5);
          expect(n.y, n.id).toBeGreaterThanOrEqual(n.tile.y - 0.5);
          expect(n.x + n.w, n.id).toBeLessThanOrEqual(n.tile.x + n.tile.w + 0.5);
          expect(n.y + n.h, n.id).toBeLessThanOrEqual(n.tile.y + n.tile.h + 0.5);
        }
        for (const [i, a] of numbers.entries())
          for (const b of numbers.slice(i + 1)) expect(overlap(a, b), `${a.id} × ${b.id}`).toBeLessThan(1);

        // Numbers: read while the feed stands still (manual ticks), then counted from the files and feed.
        const day = (await page.getByTestId('kpi-tiles').getAttribute('data-day')) ?? '';
        const feed = await feedNow();
        const want = expectedFigures(feed, day);
        for (const level of ['area', 'community', 'micro'])
          expect(await shown(page, `kpi-cells-${level}`), level).toBe(want.cellsPer[level]);
        expect(await shown(page, 'kpi-partners')).toBe(want.partners);
        expect(await shown(page, 'kpi-projects-active')).toBe(want.active);
        expect(await shown(page, 'kpi-projects-ontrack')).toBe(want.onTrack);
        expect(await shown(page, 'kpi-projects-delayed')).toBe(want.delayed);
        expect(await shown(page, 'kpi-events-today')).toBe(want.eventsToday);
        expect(await shown(page, 'kpi-events-week')).toBe(want.eventsWeek);
        expect(await shown(page, 'kpi-volunteers-today')).toBe(want.volunteersToday);
        expect(await shown(page, 'kpi-volunteers-week')).toBe(want.volunteersWeek);
        expect(want.eventsToday).toBeGreaterThan(0);
        expect(await shown(page, 'kpi-alerts-open')).toBe(want.open);
        expect(await shown(page, 'kpi-alerts-critical')).toBe(want.critical);
        expect(await shown(page, 'kpi-duty-staff')).toBe(want.staff);
        expect(await shown(page, 'kpi-duty-volunteers')).toBe(want.dutyVolunteers);
        expect(await page.getByTestId('kpi-level').textContent()).toBe('平时');
        // Honest about "today": the feed's day, and that the live events only go back so far.
        expect(await page.getByTestId('tile-volunteers').textContent()).toMatch(
          /今日 = \d{4}年\d+月\d+日（实时数据）/,
        );

        if (size.name === '1080p') {
          // Coverage against an independent method: the union of each level's cells, cut from the boundary.
          for (const level of ['area', 'community', 'micro']) {
            const value = await shown(page, `kpi-coverage-${level}`);
            expect(Math.abs(value - floor2(naiveCoverage(level))), level).toBeLessThanOrEqual(0.011);
          }
          // The first stop's own figures: the first area grid of the pack.
          const first = cells.find((c) => c.level === 'area') as Cell;
          expect(await page.getByTestId('stop-name').getAttribute('data-stop')).toBe(`cell:${first.id}`);
          const under = (c: Cell, top: string): boolean =>
            c.id === top || (c.parent !== null && under(byId.get(c.parent) as Cell, top));
          const micro = cells.filter((c) => c.level === 'micro' && under(c, first.id));
          expect(await shown(page, 'stop-population')).toBe(
            micro.reduce((s, c) => s + (c.population ?? 0), 0),
          );
          expect(await shown(page, 'stop-cells-micro')).toBe(micro.length);
          expect(await shown(page, 'stop-cells-community')).toBe(
            cells.filter((c) => c.level === 'community' && c.parent === first.id).length,
          );
        }

        mkdirSync('docs/screenshots', { recursive: true });
        await page.screenshot({ path: `docs/screenshots/wall-${size.name}.png` });
      });
    }, 300_000);
  }
});

describe('without a live feed, and as a chunk of its own', () => {
  it(
    'says the pack is history: "today" is the pack’s last day, live figures are unknown, not zero',
    async () => {
      const app = await AppDriver.open(browser, inject('appUrl'), '?mode=wall&interval=600', {
        width: 1280,
        height: 720,
      });
      try {
        await app.waitForMapIdle(120_000);
        const { page } = app;
        await expect
          .poll(() => page.getByTestId('kpi-tiles').getAttribute('data-basis'), { timeout: 20_000 })
          .toBe('pack');
        // The pack's last event is on 31 October 2026 (Shanghai): counted from the file.
        const events = read<{ features: { properties: { time: string; volunteers: number } }[] }>(
          'activity.geojson',
        ).features.map((f) => ({ t: Date.parse(f.properties.time), v: f.properties.volunteers }));
        const last = Math.max(...events.map((e) => e.t));
        const day = new Date(last + 8 * 3_600_000).toISOString().slice(0, 10);
        expect(await page.getByTestId('kpi-tiles').getAttribute('data-day')).toBe(day);
        const start = Date.parse(`${day}T00:00:00+08:00`);
        const today = events.filter((e) => e.t >= start && e.t < start + DAY);
        expect(await shown(page, 'kpi-events-today')).toBe(today.length);
        expect(await shown(page, 'kpi-volunteers-today')).toBe(today.reduce((s, e) => s + e.v, 0));
        expect(await page.getByTestId('tile-volunteers').textContent()).toMatch(
          /数据包截至 2026年10月31日，非今日/,
        );
        expect(await page.getByTestId('live-clock').textContent()).toMatch(/未接入实时数据/);
        expect(await page.getByTestId('kpi-alerts-open').textContent()).toBe('—');
        expect(await page.getByTestId('tile-alerts').textContent()).toMatch(/无实时数据/);
        expect(await page.getByTestId('ticker').textContent()).toMatch(
          /数据包最近活动（历史数据）.*10月31日/,
        );
        // The wall came as its own chunk.
        expect(app.log.requests.some((u) => /\/assets\/WallApp-[\w-]+\.js$/.test(u))).toBe(true);
        expect(app.log.pageErrors).toEqual([]);
      } finally {
        await app.close();
      }
    },
    LONG,
  );

  it(
    'is not loaded by the dashboard',
    async () => {
      const app = await AppDriver.open(browser, inject('appUrl'), '', { width: 1280, height: 720 });
      try {
        await app.waitForMapIdle(120_000);
        expect(app.log.requests.some((u) => u.includes('/assets/WallApp-'))).toBe(false);
        expect(await app.page.getByTestId('wall').count()).toBe(0);
      } finally {
        await app.close();
      }
    },
    LONG,
  );
});

describe('the tour', () => {
  it(
    'advances by itself and fits each area grid it shows',
    async () => {
      await withWall('?mode=wall&interval=3', { width: 1280, height: 720 }, async (app) => {
        const { page } = app;
        const current = () =>
          page.evaluate(() => {
            type M = { getBounds: () => { toArray: () => number[][] }; isMoving: () => boolean };
            const map = (window as unknown as { __gridatlasMap: M }).__gridatlasMap;
            return {
              stop: document.querySelector('[data-testid="stop-name"]')?.getAttribute('data-stop') ?? '',
              bounds: map.getBounds().toArray().flat(),
              moving: map.isMoving(),
            };
          });
        const fitted = new Set<string>();
        await expect
          .poll(
            async () => {
              const { stop, bounds, moving } = await current();
              const [w, s, e, n] = bounds as [number, number, number, number];
              const id = stop.replace(/^cell:/, '');
              if (moving || !byId.has(id)) return fitted.size;
              const [bw, bs, be, bn] = bboxOf(id);
              const contains = w <= bw && s <= bs && e >= be && n >= bn;
              // Fitted, not merely somewhere inside a far view: the area fills most of one dimension.
              const tight = Math.max((be - bw) / (e - w), (bn - bs) / (n - s)) >= 0.5;
              if (contains && tight) fitted.add(id);
              return fitted.size;
            },
            { timeout: 90_000, interval: 250 },
          )
          .toBeGreaterThanOrEqual(3);
      });
    },
    LONG,
  );

  it(
    'tours the towns when asked, and Space pauses it until it resumes by itself',
    async () => {
      await withWall(
        '?mode=wall&tour=towns&interval=2&resume=6',
        { width: 1280, height: 720 },
        async (app) => {
          const { page } = app;
          const stop = () => page.getByTestId('stop-name').getAttribute('data-stop');
          await expect.poll(stop, { timeout: 20_000 }).toMatch(/^town:3101140\d\d$/);
          await page.keyboard.press('Space');
          await page.getByTestId('tour-paused').waitFor({ timeout: 5_000 });
          const held = await stop();
          await page.waitForTimeout(4_500); // two intervals: a running tour would have moved twice
          expect(await stop()).toBe(held);
          // Resumes by itself after `resume` seconds.
          await expect.poll(() => page.getByTestId('tour-paused').count(), { timeout: 10_000 }).toBe(0);
          await expect.poll(stop, { timeout: 10_000 }).not.toBe(held);
        },
      );
    },
    LONG,
  );

  it('a scheduled soft reload keeps the tour where it was', async () => {
    await withWall('?mode=wall&interval=600', { width: 1280, height: 720 }, async (app) => {
      const { page } = app;
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('tour-position').textContent()).toMatch(/第 3 \/ 53 个/);
      const at = await page.getByTestId('stop-name').getAttribute('data-stop');
      // Reload at a clock time a little ahead (Shanghai time, as the wall reads it). The same tab keeps
      // sessionStorage, so this navigation already starts at the remembered stop.
      const when = new Date(Date.now() + 45_000 + 8 * 3_600_000).toISOString().slice(11, 19);
      await page.goto(`${inject('liveUrl')}?mode=wall&interval=600&reload=${when}`);
      await app.waitForMapIdle(120_000);
      expect(await page.getByTestId('stop-name').getAttribute('data-stop')).toBe(at);
      await page.waitForEvent('load', { timeout: 100_000 });
      await app.waitForMapIdle(120_000);
      const type = await page.evaluate(() => performance.getEntriesByType('navigation')[0]?.toJSON().type);
      expect(type).toBe('reload');
      expect(await page.getByTestId('stop-name').getAttribute('data-stop')).toBe(at);
    });
  }, 360_000);
});

describe('response levels and stale data', () => {
  it(
    'an emergency in the feed switches to the mobilisation view, and normal switches back',
    async () => {
      await withWall('?mode=wall&interval=600', { width: 1920, height: 1080 }, async (app) => {
        const { page } = app;
        const view = () => page.getByTestId('wall').getAttribute('data-view');
        expect(await view()).toBe('tour');
        // Ticks at emergency tempo open alerts, so the list by cell has something to show.
        await control('level=emergency&advance=10');
        await expect.poll(view, { timeout: 15_000 }).toBe('mobilisation');
        const feed = await feedNow();
        expect(feed.responseLevel).toBe('emergency');
        const sum = (k: 'commandoTeams' | 'tempPartyOrgs' | 'staff') =>
          feed.onDuty.reduce((s, d) => s + d[k], 0);
        await expect
          .poll(() => shown(page, 'kpi-mob-commando'), { timeout: 5_000 })
          .toBe(sum('commandoTeams'));
        expect(await shown(page, 'kpi-mob-temp-orgs')).toBe(sum('tempPartyOrgs'));
        expect(await shown(page, 'kpi-mob-staff')).toBe(sum('staff'));
        const openCells = new Set(
          feed.alerts.filter((a) => !a.closedAt && byId.has(a.cell)).map((a) => a.cell),
        );
        expect(openCells.size).toBeGreaterThan(0);
        await expect
          .poll(() => page.getByTestId('mob-cell').count(), { timeout: 5_000 })
          .toBe(Math.min(10, openCells.size));
        const listed = await page
          .getByTestId('mob-cell')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-cell')));
        for (const cell of listed) expect(openCells.has(cell ?? '')).toBe(true);
        expect(await page.getByTestId('mob-banner').textContent()).toMatch(/战时动员.*自 .*起.*台风/);
        await app.waitForMapIdle();
        mkdirSync('docs/screenshots', { recursive: true });
        await page.screenshot({ path: 'docs/screenshots/wall-mobilisation.png' });
        await control('level=normal&advance=1');
        await expect.poll(view, { timeout: 15_000 }).toBe('tour');
        await page.getByTestId('kpi-tiles').waitFor({ timeout: 5_000 });
      });
    },
    LONG,
  );

  it(
    'says so when updates stop, and recovers',
    async () => {
      await withWall('?mode=wall&interval=600', { width: 1280, height: 720 }, async (app) => {
        const { page } = app;
        await expect
          .poll(() => page.getByTestId('kpi-tiles').getAttribute('data-basis'), { timeout: 20_000 })
          .toBe('live');
        await control('fault=http500');
        const banner = page.getByRole('status').filter({ hasText: /实时数据获取失败/ });
        await banner.waitFor({ timeout: 20_000 });
        await control('fault=none&advance=1');
        await expect.poll(() => banner.count(), { timeout: 20_000 }).toBe(0);
      });
    },
    LONG,
  );
});

describe('a lost WebGL context', () => {
  const loseContext = (page: Page) =>
    page.evaluate(() => {
      const canvas = document.querySelector('[data-testid="map"] canvas') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
      const ext = gl.getExtension('WEBGL_lose_context');
      if (!ext) throw new Error('no WEBGL_lose_context');
      (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
      ext.loseContext();
    });
  const context = (page: Page) => page.getByTestId('map').getAttribute('data-context');
  const distinct = async (app: AppDriver) => new Set(await app.sampleMapColours(10)).size;
  const lostNotice = (page: Page) => page.getByRole('status').filter({ hasText: /地图图形上下文丢失/ });

  it(
    'is restored by MapLibre and the map draws again',
    async () => {
      await withWall('?mode=wall&interval=600', { width: 1280, height: 720 }, async (app) => {
        const { page } = app;
        expect(await distinct(app)).toBeGreaterThanOrEqual(4);
        await loseContext(page);
        await expect.poll(() => context(page), { timeout: 10_000 }).toBe('lost');
        await lostNotice(page).waitFor({ timeout: 5_000 });
        await page.evaluate(() =>
          (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext(),
        );
        await expect.poll(() => context(page), { timeout: 10_000 }).toBe('restored');
        await app.waitForMapIdle();
        expect(await page.getByTestId('map').getAttribute('data-generation')).toBe('0');
        expect(await distinct(app)).toBeGreaterThanOrEqual(4);
        expect(await lostNotice(page).count()).toBe(0);
      });
    },
    LONG,
  );

  it(
    'is replaced by a new map when the browser never restores it',
    async () => {
      await withWall('?mode=wall&interval=600', { width: 1280, height: 720 }, async (app) => {
        const { page } = app;
        await loseContext(page);
        await expect.poll(() => context(page), { timeout: 10_000 }).toBe('lost');
        // No restoreContext(): after CONTEXT_RECOVERY_MS the wall builds a new map on a new canvas.
        await expect
          .poll(() => page.getByTestId('map').getAttribute('data-generation'), { timeout: 30_000 })
          .toBe('1');
        await app.waitForMapIdle();
        expect(await distinct(app)).toBeGreaterThanOrEqual(4);
        expect(await page.locator('[data-testid="map"] canvas').count()).toBe(1);
        expect(await lostNotice(page).count()).toBe(0);
      });
    },
    LONG,
  );
});
