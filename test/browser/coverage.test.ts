/**
 * The planner's coverage view in the real built app (Chromium, software WebGL), on the Jiading pack:
 * the analysis runs in the Web Worker, its grid findings are the generator's deliberate flaws, a finding
 * flies to and highlights its area, the exports download with the right names and contents, and a run
 * made stale by a new input is cancelled.
 */
import { readFileSync } from 'node:fs';
import type { Polygon, Position } from 'geojson';
import type { Browser, Download } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

interface Cell {
  properties: { id: string; name: string; level: string; parent: string | null; town?: string };
  geometry: Polygon | { type: 'MultiPolygon'; coordinates: Position[][][] };
}
interface Flaw {
  kind: 'gap' | 'overlap';
  level: string;
  parent: string | null;
  ids: string[];
  areaM2: number;
  description: string;
}

const PACK = 'data/regions/jiading';
const grids = JSON.parse(readFileSync(`${PACK}/grids.geojson`, 'utf8')) as { features: Cell[] };
const byId = new Map(grids.features.map((c) => [c.properties.id, c]));
const flaws = JSON.parse(readFileSync(`${PACK}/flaws.json`, 'utf8')) as Flaw[];
const cellBox = (c: Cell): [number, number, number, number] => {
  const rings = c.geometry.type === 'Polygon' ? [c.geometry.coordinates] : c.geometry.coordinates;
  const pts = rings.flatMap((r) => r[0] ?? []);
  const xs = pts.map((p) => p[0] as number);
  const ys = pts.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

type MapHandle = {
  getBounds: () => {
    getWest: () => number;
    getSouth: () => number;
    getEast: () => number;
    getNorth: () => number;
  };
  getZoom: () => number;
  queryRenderedFeatures: (o: { layers: string[] }) => { properties: Record<string, unknown> }[];
};

/** The planner view as a user drives it: the driver's page plus the panel's controls. */
class Planner {
  constructor(readonly app: AppDriver) {}

  static async open(browser: Browser, search = '?mode=coverage'): Promise<Planner> {
    const planner = new Planner(await AppDriver.open(browser, inject('appUrl'), search));
    await planner.app.waitForMapIdle();
    await planner.analysed();
    return planner;
  }

  get panel() {
    return this.app.page.getByTestId('coverage-panel');
  }

  /** Waits until the panel shows a finished report (of the given service kind, '' = any). */
  async analysed(kind = ''): Promise<void> {
    await this.app.page
      .locator(`[data-testid="coverage-panel"][data-status="done"][data-service-kind="${kind}"]`)
      .waitFor({ timeout: 60_000 });
  }

  async filterKind(kind: string): Promise<void> {
    await this.panel.getByTestId('filter-kind').selectOption(kind);
  }

  /** The listed findings (the first page of the list) as the rows carry them. */
  rows() {
    return this.panel
      .getByTestId('finding-list')
      .getByRole('button')
      .evaluateAll((buttons) =>
        buttons.map((b) => ({
          kind: b.getAttribute('data-kind') ?? '',
          level: b.getAttribute('data-level') ?? '',
          ids: (b.getAttribute('data-ids') ?? '').split(','),
          area: Number(b.getAttribute('data-area')),
        })),
      );
  }

  finding(ids: string[]) {
    return this.panel.locator(`[data-testid="finding-list"] button[data-ids="${ids.join(',')}"]`);
  }

  async download(label: string): Promise<Download> {
    const [download] = await Promise.all([
      this.app.page.waitForEvent('download', { timeout: 30_000 }),
      this.panel.getByRole('button', { name: label }).click(),
    ]);
    return download;
  }

  map<T>(fn: (map: MapHandle) => T): Promise<T> {
    return this.app.page.evaluate(`(${fn.toString()})(window.__gridatlasMap)`) as Promise<T>;
  }

  /** Every analysis run the page started, finished or cancelled (performance marks of use-coverage.ts). */
  runs(): Promise<{ started: number[]; done: number[]; cancelled: number[] }> {
    return this.app.page.evaluate(`(() => {
      const runs = (name) => performance.getEntriesByName(name).map((m) => m.detail.run);
      return {
        started: runs('gridatlas:analysis-start'),
        done: runs('gridatlas:analysis-done'),
        cancelled: runs('gridatlas:analysis-cancelled'),
      };
    })()`);
  }
}

/** The view contains a box (with a little slack for rounding). */
const contains = (
  b: { west: number; south: number; east: number; north: number },
  [w, s, e, n]: [number, number, number, number],
) => b.west <= w + 1e-6 && b.south <= s + 1e-6 && b.east >= e - 1e-6 && b.north >= n - 1e-6;

const boundsOf = (p: Planner) =>
  p.map((m) => {
    const b = m.getBounds();
    return {
      west: b.getWest(),
      south: b.getSouth(),
      east: b.getEast(),
      north: b.getNorth(),
      zoom: m.getZoom(),
    };
  });

/** RFC 4180 rows, for reading the CSV back independently of the writer. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

let browser: Browser;
let planner: Planner;
beforeAll(async () => {
  browser = await launchChromium();
  planner = await Planner.open(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('the planner view on Jiading', () => {
  it('opens from ?mode=coverage with the analysis done in the worker, coverage per level shown', async () => {
    const { started, done } = await planner.runs();
    expect(started).toHaveLength(1);
    expect(done).toEqual(started);
    for (const level of ['area', 'community', 'micro']) {
      // Every level has a deliberate gap: covered, but never shown as 100 %.
      expect(await planner.panel.getByTestId(`covered-${level}`).textContent()).toMatch(/^99\.\d\d%/);
    }
    expect(await planner.app.page.getByTestId('mode-coverage').getAttribute('aria-pressed')).toBe('true');
    expect(await planner.app.page.getByTestId('coverage-legend').count()).toBe(1);
    expect(planner.app.log.pageErrors).toEqual([]);
    expect(planner.app.log.consoleErrors).toEqual([]);
  });

  it('lists exactly the generator’s deliberate grid flaws among its grid findings', async () => {
    await planner.filterKind('grid');
    const rows = await planner.rows();
    // In flaws.json's terms: a boundary gap is a gap of the top level with no parent; a gap is filed
    // under its parent (ids[0]); an overlap under both siblings, whose parent is the flaw's parent.
    const asFlaw = (r: (typeof rows)[number]) => {
      const [first = '', ...rest] = r.ids;
      const kind = r.kind === 'overlap' ? 'overlap' : 'gap';
      const parent =
        r.kind === 'gap' ? first : r.kind === 'overlap' ? (byId.get(first)?.properties.parent ?? null) : null;
      const ids = r.kind === 'gap' ? rest : r.ids;
      return `${kind}|${r.level}|${parent}|${[...ids].sort().join(',')}|${r.area}`;
    };
    const expected = flaws.map(
      (f) => `${f.kind}|${f.level}|${f.parent}|${[...f.ids].sort().join(',')}|${f.areaM2}`,
    );
    expect(rows.map(asFlaw).sort()).toEqual(expected.sort());
    // Ranked by area, largest first.
    expect(rows.map((r) => r.area)).toEqual([...rows.map((r) => r.area)].sort((a, b) => b - a));
  });

  it('a finding in the list flies to its area and highlights it on the map', async () => {
    const hole = flaws.find((f) => f.level === 'community') as Flaw;
    const [lon, lat] = (/at (\d+\.\d+), (\d+\.\d+)/.exec(hole.description) ?? []).slice(1).map(Number) as [
      number,
      number,
    ];
    await planner.filterKind('grid');
    const before = await boundsOf(planner);
    await planner.finding([hole.parent ?? '', ...hole.ids]).click();
    await expect
      .poll(() => planner.finding([hole.parent ?? '', ...hole.ids]).getAttribute('aria-pressed'))
      .toBe('true');
    await planner.app.waitForMapIdle();
    const after = await boundsOf(planner);
    expect(after.zoom).toBeGreaterThan(before.zoom + 2);
    // The hole (radius 100 m around its centre) is in view…
    const r = 0.0012;
    expect(contains(after, [lon - r, lat - r, lon + r, lat + r])).toBe(true);
    // …and drawn: the highlight layer renders the piece, and the cells it concerns are outlined.
    const piece = await planner.map(
      (m) => m.queryRenderedFeatures({ layers: ['coverage-highlight-fill'] }).length,
    );
    expect(piece).toBeGreaterThan(0);
    const outlined = await planner.map((m) => [
      ...new Set(
        m.queryRenderedFeatures({ layers: ['coverage-highlight-cells-line'] }).map((f) => f.properties.id),
      ),
    ]);
    expect(outlined).toEqual(expect.arrayContaining([hole.parent, ...hole.ids]));
  });

  it('a whole-cell finding is reached by keyboard and highlights its cell by id', async () => {
    await planner.filterKind('no-activity');
    const [first] = await planner.rows();
    const id = first?.ids[0] ?? '';
    const cell = byId.get(id) as Cell;
    await planner.finding([id]).focus();
    await planner.app.page.keyboard.press('Enter');
    await expect.poll(() => planner.finding([id]).getAttribute('aria-pressed')).toBe('true');
    await planner.app.waitForMapIdle();
    expect(contains(await boundsOf(planner), cellBox(cell))).toBe(true);
    const outlined = await planner.map((m) =>
      m.queryRenderedFeatures({ layers: ['coverage-highlight-cells-line'] }).map((f) => f.properties.id),
    );
    expect(new Set(outlined)).toEqual(new Set([id]));
    // A whole-cell finding has no piece of its own.
    expect(
      await planner.map((m) => m.queryRenderedFeatures({ layers: ['coverage-highlight-fill'] }).length),
    ).toBe(0);
  });

  it('downloads the findings as CSV: BOM, the columns, Chinese names intact, one row per finding', async () => {
    await planner.filterKind('grid');
    const download = await planner.download('CSV 表格');
    expect(download.suggestedFilename()).toMatch(/^jiading-coverage-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual([
      '序号',
      '类型',
      '严重程度',
      '层级',
      '街镇',
      '网格编号',
      '网格名称',
      '面积（平方米）',
      '影响人口',
      '比例',
      '距上次活动（天）',
      '说明（英文）',
    ]);
    expect(rows).toHaveLength(flaws.length + 1);
    expect(rows.slice(1).every((r) => r.length === 12)).toBe(true);
    const c345 = rows.find((r) => r[5] === 'A53;C345');
    expect(c345?.slice(1, 8)).toEqual([
      '网格缺口',
      '高',
      '村居网格',
      '嘉定工业区',
      'A53;C345',
      `${byId.get('A53')?.properties.name};${byId.get('C345')?.properties.name}`,
      '31450',
    ]);
    // The message has commas and quotes: quoted, and read back whole.
    expect(c345?.[11]).toBe('31,450 m² of "A53" is in no community cell (next to C345)');
  });

  it('downloads GeoJSON (every finding with a geometry) and a PNG of the map with its legend', async () => {
    await planner.filterKind('grid');
    const geojson = await planner.download('GeoJSON');
    expect(geojson.suggestedFilename()).toMatch(/^jiading-coverage-\d{4}-\d{2}-\d{2}\.geojson$/);
    const fc = JSON.parse(readFileSync(await geojson.path(), 'utf8')) as {
      features: { geometry: { type: string } | null; properties: { kind: string; names: string[] } }[];
    };
    expect(fc.features).toHaveLength(flaws.length);
    expect(
      fc.features.every((f) => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon'),
    ).toBe(true);
    expect(fc.features.flatMap((f) => f.properties.names)).toContain(byId.get('C345')?.properties.name);

    const png = await planner.download('地图 PNG');
    expect(png.suggestedFilename()).toMatch(/^jiading-coverage-\d{4}-\d{2}-\d{2}\.png$/);
    const image = PNG.sync.read(readFileSync(await png.path()));
    const box = await planner.app.page.getByTestId('map').boundingBox();
    expect(image.width).toBe(Math.round(box?.width ?? 0));
    expect(image.height).toBeGreaterThan(Math.round(box?.height ?? 0));
    // Not blank: the map and the legend's swatches give many colours.
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4 * 97) {
      colours.add((image.data[i] ?? 0) * 65536 + (image.data[i + 1] ?? 0) * 256 + (image.data[i + 2] ?? 0));
    }
    expect(colours.size).toBeGreaterThan(20);
  });

  it('cancels the run a new input made stale; what is shown matches the latest input', async () => {
    await planner.app.page.evaluate('performance.clearMarks()');
    const kind = planner.panel.getByTestId('service-kind');
    await kind.selectOption('legal');
    await kind.selectOption('health');
    await planner.analysed('health');
    // Every earlier run was cancelled, or had finished before the next input came (a fast machine
    // can finish a run between two clicks); the latest one is what is shown.
    const settled = (r: { started: number[]; done: number[]; cancelled: number[] }) => {
      expect(r.done).toContain(r.started.at(-1));
      for (const run of r.started.slice(0, -1))
        expect(r.cancelled.includes(run) || r.done.includes(run)).toBe(true);
    };
    const first = await planner.runs();
    expect(first.started.length).toBe(2);
    settled(first);
    expect(await planner.panel.getByTestId('coverage-service').locator('h3').textContent()).toContain(
      '卫生健康',
    );
    expect(new URL(planner.app.page.url()).searchParams.get('service')).toBe('health');

    // The time window is an input too.
    await planner.app.page.evaluate('performance.clearMarks()');
    await planner.panel.getByRole('button', { name: '近4周' }).click();
    await planner.panel.getByRole('button', { name: '近52周' }).click();
    await planner.analysed('health');
    const runs = await planner.runs();
    expect(runs.started.length).toBe(2);
    settled(runs);
    expect(planner.app.log.pageErrors).toEqual([]);
  });

  it('keeps the main thread free while the analysis runs (longest task reported, not asserted)', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(`window.__longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
        .observe({ type: 'longtask', buffered: true });`);
    await page.goto(`${inject('appUrl')}?mode=coverage`);
    const done = (k: string) =>
      page
        .locator(`[data-testid="coverage-panel"][data-status="done"][data-service-kind="${k}"]`)
        .waitFor({ timeout: 60_000 });
    await done('');
    await page.waitForSelector('[data-testid="map"][data-idle="true"]', { timeout: 60_000 });
    await page.getByTestId('service-kind').selectOption('sports');
    await done('sports');
    const longest = (await page.evaluate(`(() => {
      const at = (n) => performance.getEntriesByName(n).at(-1).startTime;
      const start = at('gridatlas:analysis-start');
      const end = at('gridatlas:analysis-done');
      const during = window.__longTasks.filter(([s, d]) => s < end && s + d > start).map(([, d]) => d);
      return { ms: end - start, longest: Math.max(0, ...during) };
    })()`)) as { ms: number; longest: number };
    console.info(
      `analysis in the browser: ${longest.ms.toFixed(0)} ms; longest main-thread task meanwhile: ${longest.longest.toFixed(0)} ms (0 = none over 50 ms)`,
    );
    expect(longest.ms).toBeGreaterThan(0);
    await page.close();
  });

  it('a pack the worker cannot load is an alert in the panel, not a blank one; the next input retries', async () => {
    const app = await AppDriver.open(browser, inject('appUrl'));
    await app.waitForMapIdle();
    // The page has its pack; the worker's own request for the grid fails.
    await app.page.route('**/regions/jiading/grids.geojson', (route) =>
      route.fulfill({ status: 500, body: 'down' }),
    );
    await app.page.getByTestId('mode-coverage').click();
    const panel = app.page.getByTestId('coverage-panel');
    await expect.poll(() => panel.getAttribute('data-status'), { timeout: 30_000 }).toBe('error');
    expect(await panel.getByRole('alert').textContent()).toMatch(
      /分析用的数据包无法加载.*grids\.geojson.*500/,
    );
    expect(await panel.getByTestId('service-kind').isVisible()).toBe(true);
    await app.page.unroute('**/regions/jiading/grids.geojson');
    await panel.getByTestId('service-kind').selectOption('sports');
    await app.page
      .locator('[data-testid="coverage-panel"][data-status="done"][data-service-kind="sports"]')
      .waitFor({ timeout: 60_000 });
    expect(await panel.getByRole('alert').count()).toBe(0);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('another region: the worker loads its pack and the panel shows its findings, never the old ones', async () => {
    const index = JSON.parse(readFileSync('data/regions/index.json', 'utf8')) as string[];
    const other = index.find((id) => id !== 'jiading');
    if (!other) return; // a single-pack build: nothing to switch to
    const otherIds = new Set(
      (
        JSON.parse(readFileSync(`data/regions/${other}/grids.geojson`, 'utf8')) as {
          features: { properties: { id: string } }[];
        }
      ).features.map((f) => f.properties.id),
    );
    const app = await AppDriver.open(browser, inject('appUrl'), '?mode=coverage&service=legal');
    await app.page.locator('[data-testid="coverage-panel"][data-status="done"]').waitFor({ timeout: 60_000 });
    await app.page.getByRole('combobox', { name: '切换区域' }).selectOption(other);
    await app.page.waitForURL((u) => u.searchParams.get('region') === other);
    const panel = app.page.getByTestId('coverage-panel');
    // A new region starts from any service point. (Until the new pack is in, the planner may re-run the
    // old one without the service kind, so the wait is for the new region's name on a finished run.)
    const otherName = (
      JSON.parse(readFileSync(`data/regions/${other}/region.json`, 'utf8')) as { name: { zh: string } }
    ).name.zh;
    await app.page
      .locator('[data-testid="coverage-panel"][data-status="done"][data-service-kind=""]')
      .filter({ has: app.page.locator('.panel-level', { hasText: otherName }) })
      .waitFor({ timeout: 60_000 });
    expect(await panel.locator('.panel-level').textContent()).not.toBe('上海市嘉定区');
    // The list fills in after the run reports done (its first page comes from the worker).
    const listedIds = () =>
      panel
        .getByTestId('finding-list')
        .getByRole('button')
        .evaluateAll((bs) => bs.flatMap((b) => (b.getAttribute('data-ids') ?? '').split(',')));
    await expect.poll(async () => (await listedIds()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const ids = await listedIds();
    expect(ids.filter((id) => !otherIds.has(id))).toEqual([]);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('the top-bar switch leaves the planner, and Back returns to it', async () => {
    await planner.app.page.getByTestId('mode-coverage').click();
    await planner.app.page.waitForURL((u) => !u.searchParams.has('mode'));
    expect(await planner.panel.count()).toBe(0);
    await planner.app.waitForMapIdle();
    expect(await planner.map((m) => m.queryRenderedFeatures({ layers: ['coverage-shade'] }).length)).toBe(0);
    await planner.app.page.goBack();
    await planner.app.page.waitForURL((u) => u.searchParams.get('mode') === 'coverage');
    await planner.analysed('health');
  });
});
