import { readFileSync } from 'node:fs';
import type { Geometry, Position } from 'geojson';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HOSTILE_PARTNER, HOSTILE_PROJECT } from '../fixtures/overlay-pack.ts';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';
import { type RunningServer, startAppServer } from './servers.ts';

/**
 * The overlays on the real built app: switching each one changes what MapLibre renders, filters leave
 * only what they name (counted against the pack files, not against the app's own code), clusters
 * count their units by kind, a selected partner draws its pairing, and hostile names stay text.
 */

interface PartnerFeature {
  properties: { id: string; name: string; kind: string; committee?: string; cells?: string[] };
  geometry: { type: 'Point'; coordinates: [number, number] };
}
interface ProjectFeature {
  properties: { id: string; name: string; status: string; domain: string; due?: string };
  geometry: Geometry;
}
const region = (JSON.parse(readFileSync('data/regions/index.json', 'utf8')) as string[])[0];
const read = <T>(file: string) =>
  (JSON.parse(readFileSync(`data/regions/${region}/${file}`, 'utf8')) as { features: T[] }).features;
const partners = read<PartnerFeature>('partners.geojson');
const projects = read<ProjectFeature>('projects.geojson');

const PARTNER_LAYERS = ['partner-clusters', 'partner-points'];
const PROJECT_SHAPES = ['project-fill', 'project-outline', 'project-line', 'project-point'];
const ALERT_LAYERS = ['alert-dot'];
const SERVICE_LAYERS = ['service-points'];

interface Rendered {
  layer: string;
  properties: Record<string, unknown>;
}

/** What MapLibre draws on the given layers right now (layers missing from the style are skipped). */
function rendered(app: AppDriver, layers: string[]): Promise<Rendered[]> {
  return app.page.evaluate((ids) => {
    type F = { layer: { id: string }; properties: Record<string, unknown> };
    const map = (
      window as unknown as {
        __gridatlasMap: {
          getLayer: (id: string) => unknown;
          queryRenderedFeatures: (o: { layers: string[] }) => F[];
        };
      }
    ).__gridatlasMap;
    const present = ids.filter((id) => map.getLayer(id));
    if (present.length === 0) return [];
    return map
      .queryRenderedFeatures({ layers: present })
      .map((f) => ({ layer: f.layer.id, properties: f.properties }));
  }, layers);
}
const count = async (app: AppDriver, layers: string[]) => (await rendered(app, layers)).length;

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point':
      return [g.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return g.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return g.coordinates.flat();
    case 'MultiPolygon':
      return g.coordinates.flat(2);
    default:
      return [];
  }
}

async function mapBounds(app: AppDriver): Promise<[number, number, number, number]> {
  return app.page.evaluate(() => {
    const map = (window as unknown as { __gridatlasMap: { getBounds: () => { toArray: () => number[][] } } })
      .__gridatlasMap;
    const [[w = 0, s = 0] = [], [e = 0, n = 0] = []] = map.getBounds().toArray();
    return [w, s, e, n] as [number, number, number, number];
  });
}

async function jumpTo(app: AppDriver, center: [number, number], zoom: number): Promise<void> {
  await app.page.evaluate(
    ({ center, zoom }) =>
      (window as unknown as { __gridatlasMap: { jumpTo: (o: object) => void } }).__gridatlasMap.jumpTo({
        center,
        zoom,
      }),
    { center, zoom },
  );
  await app.waitForMapIdle();
}

const param = (app: AppDriver, key: string) => new URL(app.page.url()).searchParams.get(key);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('overlays on the default pack', () => {
  let app: AppDriver;
  beforeAll(async () => {
    app = await AppDriver.open(browser, inject('appUrl'));
    await app.waitForMapIdle();
  });
  afterAll(() => app?.close());

  it('switching each overlay off and on changes what is rendered', async () => {
    for (const [overlay, layers] of [
      ['partners', PARTNER_LAYERS],
      ['projects', PROJECT_SHAPES],
    ] as const) {
      const toggle = app.page.getByTestId(`toggle-${overlay}`);
      expect(await toggle.isChecked(), overlay).toBe(true);
      const before = await count(app, [...layers]);
      expect(before, overlay).toBeGreaterThan(0);
      await toggle.uncheck();
      await expect.poll(() => count(app, [...layers]), { timeout: 10_000 }).toBe(0);
      expect(param(app, 'layers')?.split(',')).not.toContain(overlay);
      await toggle.check();
      await expect.poll(() => count(app, [...layers]), { timeout: 10_000 }).toBe(before);
    }
    // Services are off until switched on.
    const services = app.page.getByTestId('toggle-services');
    expect(await count(app, SERVICE_LAYERS)).toBe(0);
    await services.check();
    await expect.poll(() => count(app, SERVICE_LAYERS), { timeout: 10_000 }).toBeGreaterThan(100);
    expect(param(app, 'layers')?.split(',')).toContain('services');
    await services.uncheck();
    await expect.poll(() => count(app, SERVICE_LAYERS), { timeout: 10_000 }).toBe(0);
    // The activity switch exists (its layers come from the activity overlay) and is kept in the URL.
    const activity = app.page.getByTestId('toggle-activity');
    await activity.check();
    await expect.poll(() => param(app, 'layers')?.split(',') ?? []).toContain('activity');
    await activity.uncheck();
    await expect.poll(() => param(app, 'layers')).toBeNull();
    await app.waitForMapIdle();
  });

  it('clusters count their units by kind, and the counts add up to the units they hold', async () => {
    const clusters = await app.page.evaluate(async () => {
      type F = { properties: Record<string, number> };
      type Source = { getClusterLeaves: (id: number, limit: number, offset: number) => Promise<F[]> };
      const map = (
        window as unknown as {
          __gridatlasMap: {
            queryRenderedFeatures: (o: { layers: string[] }) => F[];
            getSource: (id: string) => Source;
          };
        }
      ).__gridatlasMap;
      const seen = new Map<number, F>();
      for (const f of map.queryRenderedFeatures({ layers: ['partner-clusters'] })) {
        seen.set(f.properties.cluster_id ?? -1, f);
      }
      const source = map.getSource('ga-partners');
      return Promise.all(
        [...seen.values()].map(async (f) => ({
          props: f.properties,
          leafKinds: (await source.getClusterLeaves(f.properties.cluster_id ?? -1, Infinity, 0)).map(
            (leaf) => (leaf.properties as unknown as { kind: string }).kind,
          ),
        })),
      );
    });
    expect(clusters.length).toBeGreaterThan(2);
    const kinds = [...new Set(partners.map((p) => p.properties.kind))];
    let clustered = 0;
    for (const { props, leafKinds } of clusters) {
      const sum = Object.entries(props)
        .filter(([k]) => k.startsWith('k_'))
        .reduce((s, [, v]) => s + v, 0);
      expect(sum).toBe(props.point_count);
      expect(leafKinds.length).toBe(props.point_count);
      for (const kind of kinds) {
        expect(props[`k_${kind}`] ?? 0, kind).toBe(leafKinds.filter((k) => k === kind).length);
      }
      clustered += props.point_count ?? 0;
    }
    // The district view holds every unit: clustered ones plus those drawn on their own.
    const single = new Set((await rendered(app, ['partner-points'])).map((f) => f.properties.id)).size;
    expect(clustered + single).toBe(partners.length);
  });

  it('filtering projects by status leaves only those, as many as the pack file has in view', async () => {
    const legend = app.page.getByTestId('legend-projects-status');
    for (const status of ['planned', 'active', 'done', 'suspended']) {
      const row = legend.locator(`li[data-key="${status}"] button`);
      if ((await row.count()) > 0) await row.click();
    }
    await expect.poll(() => param(app, 'status')).toBe('delayed');
    await app.waitForMapIdle();
    const [w, s, e, n] = await mapBounds(app);
    const expected = projects.filter(
      (p) =>
        p.properties.status === 'delayed' &&
        positions(p.geometry).some(([x = 0, y = 0]) => x >= w && x <= e && y >= s && y <= n),
    );
    expect(expected.length).toBeGreaterThan(0);
    await expect
      .poll(async () => new Set((await rendered(app, PROJECT_SHAPES)).map((f) => f.properties.id)).size, {
        timeout: 10_000,
      })
      .toBe(expected.length);
    const shown = await rendered(app, PROJECT_SHAPES);
    expect(new Set(shown.map((f) => f.properties.status))).toEqual(new Set(['delayed']));
    expect(new Set(shown.map((f) => f.properties.id))).toEqual(new Set(expected.map((p) => p.properties.id)));
    // The legend and the list say the same.
    const legendCount = await legend
      .locator('li[data-key="delayed"] [data-testid="legend-count"]')
      .textContent();
    expect(Number(legendCount)).toBe(projects.filter((p) => p.properties.status === 'delayed').length);
    const rows = app.page.getByTestId('project-list').locator('li[data-id]');
    expect(await rows.count()).toBe(projects.filter((p) => p.properties.status === 'delayed').length);
    // "Show all" brings every project back.
    await legend.getByRole('button', { name: /全部显示|Show all/ }).click();
    await expect.poll(() => param(app, 'status')).toBeNull();
    await app.waitForMapIdle();
  });

  it('lists projects delayed first, then by due date', async () => {
    const ids = await app.page
      .getByTestId('project-list')
      .locator('li[data-id]')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id ?? ''));
    // Independently of the app: delayed first; then by due date; no date last; ties by id.
    const key = (p: ProjectFeature) =>
      `${p.properties.status === 'delayed' ? 0 : 1}|${p.properties.due ?? '9999-99-99'}|${p.properties.id}`;
    const expected = [...projects].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((p) => p.properties.id);
    expect(ids).toEqual(expected);
  });

  it('clicking a cluster zooms in to where it splits', async () => {
    const cluster = await app.page.evaluate(() => {
      type F = { geometry: { coordinates: [number, number] }; properties: { point_count: number } };
      const map = (
        window as unknown as {
          __gridatlasMap: { queryRenderedFeatures: (o: { layers: string[] }) => F[]; getZoom: () => number };
        }
      ).__gridatlasMap;
      const f = map
        .queryRenderedFeatures({ layers: ['partner-clusters'] })
        .sort((a, b) => b.properties.point_count - a.properties.point_count)[0];
      return f ? { at: f.geometry.coordinates, zoom: map.getZoom() } : null;
    });
    expect(cluster).not.toBeNull();
    if (!cluster) return;
    await app.clickMapAt(cluster.at);
    await expect
      .poll(() =>
        app.page.evaluate(() =>
          (window as unknown as { __gridatlasMap: { getZoom: () => number } }).__gridatlasMap.getZoom(),
        ),
      )
      .toBeGreaterThan(cluster.zoom + 0.5);
    // A click on a cluster is not a click on the cell under it.
    expect(param(app, 'cell')).toBeNull();
  });

  it('selecting a partner draws a line to each cell it is paired with and shows its card', async () => {
    // A unit with several paired cells and no other unit within ~150 m, so the click is unambiguous.
    const alone = (p: PartnerFeature) =>
      partners.every((q) => {
        if (q === p) return true;
        const [x, y] = p.geometry.coordinates;
        const [u, v] = q.geometry.coordinates;
        return Math.hypot((x - u) * 95_000, (y - v) * 111_000) > 150;
      });
    const partner = partners
      .filter((p) => new Set(p.properties.cells ?? []).size >= 4 && alone(p))
      .sort((a, b) => new Set(b.properties.cells).size - new Set(a.properties.cells).size)[0];
    expect(partner).toBeDefined();
    if (!partner) return;
    const cells = [...new Set(partner.properties.cells ?? [])];
    await jumpTo(app, partner.geometry.coordinates, 14.5);
    const focusBefore = param(app, 'cell');
    await app.clickMapAt(partner.geometry.coordinates);
    await expect.poll(() => param(app, 'select')).toBe(`partner:${partner.properties.id}`);
    // The click selected the unit; it did not drill into the cell under it.
    expect(param(app, 'cell')).toBe(focusBefore);
    const card = app.page.getByTestId('partner-card');
    expect(await card.getByTestId('card-title').textContent()).toBe(partner.properties.name);
    expect(await card.getByTestId('paired-cells').locator('button').count()).toBe(Math.min(cells.length, 12));
    await app.waitForMapIdle();
    const linked = async () =>
      [...new Set((await rendered(app, ['partner-link'])).map((f) => String(f.properties.cell)))].sort();
    await expect.poll(linked, { timeout: 10_000 }).toEqual([...cells].sort());

    // A paired cell in the card drills to it; the pairing stays drawn above the cell panel.
    const first = card.getByTestId('paired-cells').locator('button').first();
    const cellId = await first.getAttribute('data-cell');
    await first.click();
    await expect.poll(() => param(app, 'cell')).toBe(cellId);
    await app.page.getByTestId('cell-panel').waitFor();
    expect(await card.isVisible()).toBe(true);
    await card.getByRole('button', { name: /关闭|Close/ }).click();
    await expect.poll(() => param(app, 'select')).toBeNull();
    await app.waitForMapIdle();
    await expect.poll(() => count(app, ['partner-link'])).toBe(0);
  });

  it('filters partners by committee: clusters and symbols count only that committee', async () => {
    await app.page.goto(`${inject('appUrl')}?partners=culture`);
    await app.waitForMapIdle();
    const culture = partners.filter((p) => p.properties.committee === 'culture');
    const drawn = await app.page.evaluate(() => {
      type F = { properties: { point_count?: number; cluster_id?: number; id?: string; committee?: string } };
      const map = (
        window as unknown as { __gridatlasMap: { queryRenderedFeatures: (o: { layers: string[] }) => F[] } }
      ).__gridatlasMap;
      const clusters = new Map<number, number>();
      const singles = new Map<string, string>();
      for (const f of map.queryRenderedFeatures({ layers: ['partner-clusters', 'partner-points'] })) {
        if (f.properties.cluster_id !== undefined)
          clusters.set(f.properties.cluster_id, f.properties.point_count ?? 0);
        else if (f.properties.id) singles.set(f.properties.id, f.properties.committee ?? '');
      }
      return { clustered: [...clusters.values()].reduce((s, n) => s + n, 0), singles: [...singles.values()] };
    });
    expect(drawn.clustered + drawn.singles.length).toBe(culture.length);
    expect(drawn.singles.every((c) => c === 'culture')).toBe(true);
    const row = app.page.getByTestId('legend-partners-committee').locator('li[data-key="culture"] button');
    expect(await row.getAttribute('aria-pressed')).toBe('true');
  });
});

describe('live alerts as an overlay', () => {
  // A live server of its own: advancing the shared one's simulation would change what the live-status
  // tests see.
  let live: RunningServer;
  beforeAll(async () => {
    live = await startAppServer([
      '--live',
      '--status-control',
      '--status-tick',
      '0',
      '--status-interval',
      '1',
    ]);
  });
  afterAll(() => live?.stop());

  it('the alerts switch hides and shows the alert markers', async () => {
    const control = (q: string) => fetch(`${live.url}status/jiading/__control?${q}`);
    await control('fault=none&level=normal&advance=6');
    const app = await AppDriver.open(browser, live.url);
    try {
      await app.waitForMapIdle();
      await expect.poll(() => count(app, ALERT_LAYERS), { timeout: 20_000 }).toBeGreaterThan(0);
      const before = await count(app, ALERT_LAYERS);
      const toggle = app.page.getByTestId('toggle-alerts');
      await toggle.uncheck();
      await expect.poll(() => count(app, ALERT_LAYERS), { timeout: 10_000 }).toBe(0);
      await toggle.check();
      await expect.poll(() => count(app, ALERT_LAYERS), { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
      expect(before).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

describe('hostile names', () => {
  it('render as text in cards, lists and tooltips: no element is created, no script runs', async () => {
    const app = await AppDriver.open(browser, inject('fixturesUrl'), '?region=overlays');
    const dialogs: string[] = [];
    app.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await app.waitForMapIdle();
      // The project list shows the hostile project name as it is written.
      const list = app.page.getByTestId('project-list');
      await expect.poll(() => list.textContent()).toContain(HOSTILE_PROJECT);
      // Hover shows the unit's name as a native tooltip (text), a click opens its card.
      const at: [number, number] = [121.004, 31.002];
      const p = await app.pagePointOf(at);
      await app.page.mouse.move(p.x, p.y);
      await expect
        .poll(() =>
          app.page.evaluate(() =>
            document.querySelector('[data-testid="map"] canvas')?.getAttribute('title'),
          ),
        )
        .toBe(HOSTILE_PARTNER);
      await app.clickMapAt(at);
      const card = app.page.getByTestId('partner-card');
      await expect.poll(() => card.getByTestId('card-title').textContent()).toBe(HOSTILE_PARTNER);
      // It leads the hostile project: its card shows that name as text too.
      await card.getByRole('button', { name: HOSTILE_PROJECT }).click();
      const projectCard = app.page.getByTestId('project-card');
      await expect.poll(() => projectCard.getByTestId('card-title').textContent()).toBe(HOSTILE_PROJECT);
      expect(await projectCard.getByTestId('project-owner').textContent()).toBe(HOSTILE_PARTNER);
      const injected = await app.page.evaluate(() => ({
        images: document.querySelectorAll('img').length,
        handlers: document.querySelectorAll('[onerror]').length,
      }));
      expect(injected).toEqual({ images: 0, handlers: 0 });
      expect(dialogs).toEqual([]);
      expect(app.log.pageErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('a project reaching beyond the district is drawn and described, not reported as an error', async () => {
    const app = await AppDriver.open(browser, inject('fixturesUrl'), '?region=overlays&select=project:P2');
    try {
      await app.waitForMapIdle();
      await expect
        .poll(async () => (await rendered(app, ['project-line'])).some((f) => f.properties.id === 'P2'))
        .toBe(true);
      const card = app.page.getByTestId('project-card');
      await card.getByTestId('beyond-district').waitFor();
      expect(await app.page.getByRole('alert').count()).toBe(0);
      expect(app.log.consoleErrors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
