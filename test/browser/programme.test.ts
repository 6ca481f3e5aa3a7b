/**
 * The programme panel in the real app, for every embedded pack: the scorecard (a reported indicator
 * marked as such, a computed one showing the value counted here from the pack's files), a committee's
 * card (its members, its area on the map, a drill to a covered cell) and a cell's meetings (listed in
 * its panel, one opened in the timeline). Expected values are read from the pack files in this test.
 */
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import type { Browser } from 'playwright-core';
import polylabel from 'polylabel';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AppDriver } from './app-driver.ts';
import { launchChromium } from './chromium.ts';

interface Text {
  zh: string;
  en?: string;
}
interface RawIndicator {
  id: string;
  name: Text;
  unit?: Text;
  target: number;
  actual?: number;
  source?: string;
  compute?: { key: string; level?: string };
}
interface RawCommittee {
  id: string;
  kind: string;
  name?: Text;
  status: string;
  members: string[];
  /** Absent: the whole district. */
  cells?: string[];
}
interface RawMeeting {
  id: string;
  date: string;
  topic: Text;
  cells: string[];
}

const json = <T>(region: string, file: string): T =>
  JSON.parse(readFileSync(`data/regions/${region}/${file}`, 'utf8')) as T;
const regions = JSON.parse(readFileSync('data/regions/index.json', 'utf8')) as string[];

function packFacts(region: string) {
  const grids = json<{
    features: { properties: { id: string; name: string; level: string; parent: string | null } }[];
  }>(region, 'grids.geojson').features.map((f) => f.properties);
  const partners = json<{ features: { properties: { id: string; name: string } }[] }>(
    region,
    'partners.geojson',
  ).features.map((f) => f.properties);
  return {
    grids: new Map(grids.map((g) => [g.id, g])),
    levelCount: (level: string) => grids.filter((g) => g.level === level).length,
    partnerName: new Map(partners.map((p) => [p.id, p.name])),
    indicators: json<{ indicators: RawIndicator[] }>(region, 'indicators.json').indicators,
    committees: json<{ committees: RawCommittee[] }>(region, 'committees.json').committees,
    meetings: json<{ meetings: RawMeeting[] }>(region, 'meetings.json').meetings,
  };
}

type MapHandle = {
  queryRenderedFeatures: (o: {
    layers: string[];
  }) => { properties: { committee: string; status: string; selected: number } }[];
};
/** The committees' features the map has drawn (their fills and outlines), as "id:status:selected". */
async function drawnCommittees(app: AppDriver): Promise<string[]> {
  return app.page.evaluate(() => {
    const map = (window as unknown as { __gridatlasMap: MapHandle }).__gridatlasMap;
    const features = map.queryRenderedFeatures({
      layers: ['programme-fill', 'programme-line-founded', 'programme-line-planned'],
    });
    return [
      ...new Set(
        features.map((f) => `${f.properties.committee}:${f.properties.status}:${f.properties.selected}`),
      ),
    ].sort();
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(regions)('the programme panel of %s', (region) => {
  const facts = packFacts(region);
  const open = (search: string) => AppDriver.open(browser, inject('appUrl'), `?region=${region}${search}`);

  it('opens from the top bar on the scorecard, with every indicator in its category', async () => {
    const app = await open('');
    await app.waitForMapIdle();
    await app.page.getByTestId('programme-toggle').click();
    const scorecard = app.page.getByTestId('scorecard');
    await scorecard.waitFor();
    expect(new URL(app.page.url()).searchParams.get('programme')).toBe('indicators');
    expect(await scorecard.locator('tr.indicator').count()).toBe(facts.indicators.length);
    // The summary counts every indicator once.
    const summary = (await app.page.getByTestId('scorecard-summary').textContent()) ?? '';
    const counted = [...summary.matchAll(/\d+/g)].reduce((s, m) => s + Number(m[0]), 0);
    expect(counted).toBe(facts.indicators.length);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('marks a hand-typed indicator as reported, with its source', async () => {
    const reported = facts.indicators.find((i) => !i.compute) as RawIndicator;
    const app = await open(`&programme=indicators&indicator=${reported.id}`);
    const row = app.page.getByTestId(`indicator-${reported.id}`);
    await row.waitFor();
    expect(await row.getAttribute('data-origin')).toBe('reported');
    expect(await app.page.getByTestId(`indicator-origin-${reported.id}`).textContent()).toBe('填报');
    const detail = (await app.page.getByTestId(`indicator-detail-${reported.id}`).textContent()) ?? '';
    expect(detail).toContain(`填报 · 来源：${reported.source}`);
    expect(await app.page.getByTestId(`indicator-actual-${reported.id}`).textContent()).toBe(
      `${(reported.actual ?? 0).toLocaleString('zh-CN')}${reported.unit?.zh ?? ''}`,
    );
    await app.close();
  });

  it('shows a computed indicator with the value counted from the pack files, and says it is computed', async () => {
    const computed = facts.indicators.find((i) => i.compute?.key === 'cell-count') as RawIndicator;
    const count = facts.levelCount(computed.compute?.level ?? '');
    expect(count).toBeGreaterThan(0);
    const app = await open('&programme=indicators');
    const row = app.page.getByTestId(`indicator-${computed.id}`);
    await row.waitFor();
    expect(await row.getAttribute('data-origin')).toBe('computed');
    expect(await app.page.getByTestId(`indicator-origin-${computed.id}`).textContent()).toBe('计算');
    expect(await app.page.getByTestId(`indicator-actual-${computed.id}`).textContent()).toBe(
      `${count.toLocaleString('zh-CN')}${computed.unit?.zh ?? ''}`,
    );
    await row.getByRole('button').first().click();
    const detail = (await app.page.getByTestId(`indicator-detail-${computed.id}`).textContent()) ?? '';
    expect(detail).toContain('由数据包计算');
    await app.close();
  });

  it('lists a committee’s members, draws its area (founded solid, planned apart) and drills to a covered cell', async () => {
    const committee = facts.committees.find(
      (c) => c.kind === 'area' && c.status === 'founded' && (c.cells ?? []).length > 0,
    ) as RawCommittee;
    const app = await open('&programme=committees');
    await app.page.getByTestId('committee-list').waitFor();
    await app.waitForMapIdle();
    // Every area body with cells is drawn in the district view; founded and planned ones both appear.
    const drawn = await drawnCommittees(app);
    const areaBodies = facts.committees.filter((c) => (c.cells ?? []).length > 0);
    expect(new Set(drawn.map((d) => d.split(':')[0]))).toEqual(new Set(areaBodies.map((c) => c.id)));
    expect(new Set(drawn.map((d) => d.split(':')[1]))).toEqual(new Set(areaBodies.map((c) => c.status)));

    await app.page.getByTestId(`committee-${committee.id}`).click();
    const card = app.page.getByTestId('committee-card');
    await card.waitFor();
    expect(await card.getAttribute('data-committee')).toBe(committee.id);
    expect(new URL(app.page.url()).searchParams.get('committee')).toBe(committee.id);
    const members = await card
      .locator('[data-testid^="committee-member-"]')
      .evaluateAll((els) =>
        els.map((e) => e.getAttribute('data-testid')?.replace('committee-member-', '') ?? ''),
      );
    expect(members.sort()).toEqual([...committee.members].sort());
    const firstMember = committee.members[0] ?? '';
    expect(await card.getByTestId(`committee-member-${firstMember}`).locator('button').textContent()).toBe(
      facts.partnerName.get(firstMember),
    );
    // The map flies to the committee's area and emphasises it.
    await app.waitForMapIdle();
    expect((await drawnCommittees(app)).filter((d) => d.endsWith(':1'))).toEqual([
      `${committee.id}:founded:1`,
    ]);

    const cell = committee.cells?.[0] ?? '';
    await card.getByTestId(`committee-cell-${cell}`).click();
    const panel = app.page.getByTestId('cell-panel');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(facts.grids.get(cell)?.name);
    const url = new URL(app.page.url());
    expect(url.searchParams.get('cell')).toBe(cell);
    expect(url.searchParams.get('programme')).toBeNull();
    expect(await app.page.getByTestId('programme-panel').count()).toBe(0);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });

  it('lists a cell’s meetings in its panel and opens one in the timeline', async () => {
    const meeting = facts.meetings.find((m) => m.cells.length > 0) as RawMeeting;
    const cell = meeting.cells[0] ?? '';
    // Meetings concerning the cell: naming it, a cell below it or a cell above it (counted here).
    const chain = (id: string) => {
      const out: string[] = [];
      for (let c: string | null | undefined = id; c; c = facts.grids.get(c)?.parent) out.push(c);
      return out;
    };
    const expected = facts.meetings.filter((m) =>
      m.cells.some((named) => named === cell || chain(named).includes(cell) || chain(cell).includes(named)),
    );
    const app = await open(`&cell=${cell}`);
    const panel = app.page.getByTestId('cell-panel');
    await panel.waitFor();
    const count = panel.getByTestId('meetings-count');
    expect(await count.textContent()).toBe(String(expected.length));
    await count.click();
    const items = panel.locator('[data-testid^="cell-meeting-"]');
    expect(await items.count()).toBe(expected.length);
    await panel.getByTestId(`cell-meeting-${meeting.id}`).click();

    const item = app.page.getByTestId(`meeting-${meeting.id}`);
    await item.getByTestId('meeting-card').waitFor();
    expect(await app.page.getByTestId('programme-panel').getAttribute('data-tab')).toBe('meetings');
    expect(await item.getByRole('button', { name: meeting.topic.zh }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await item.getByTestId(`meeting-cell-${cell}`).textContent()).toBe(facts.grids.get(cell)?.name);
    const url = new URL(app.page.url());
    expect([url.searchParams.get('programme'), url.searchParams.get('meeting')]).toEqual([
      'meetings',
      meeting.id,
    ]);
    // Back returns to the cell's panel.
    await app.page.goBack();
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(facts.grids.get(cell)?.name);
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });
});

describe('leaving the programme panel', () => {
  it('Escape closes it; a click on the map drills and shows the cell’s panel instead', async () => {
    const region = regions[0] ?? '';
    const grids = json<{
      features: { properties: { id: string; name: string; level: string }; geometry: Polygon }[];
    }>(region, 'grids.geojson').features;
    const area = grids.find((g) => g.properties.level === 'area' && g.geometry.type === 'Polygon');
    if (!area) throw new Error('no single-polygon area cell');
    const [x, y] = polylabel(area.geometry.coordinates as [number, number][][], 0.00001);
    const app = await AppDriver.open(
      browser,
      inject('appUrl'),
      `?region=${region}&programme=indicators&layers=`,
    );
    await app.page.getByTestId('scorecard').waitFor();
    await app.waitForMapIdle();
    await app.page.keyboard.press('Escape');
    await app.page.getByTestId('programme-panel').waitFor({ state: 'detached' });
    expect(new URL(app.page.url()).searchParams.get('programme')).toBeNull();

    await app.page.getByTestId('programme-toggle').click();
    await app.page.getByTestId('scorecard').waitFor();
    await app.clickMapAt([x, y]);
    const panel = app.page.getByTestId('cell-panel');
    await panel.waitFor();
    expect(await panel.locator('h2').textContent()).toBe(area.properties.name);
    expect(await app.page.getByTestId('programme-panel').count()).toBe(0);
    expect(await app.page.getByTestId('programme-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(app.log.pageErrors).toEqual([]);
    await app.close();
  });
});
