/**
 * The scorecard: every computed indicator of the committed packs equals a count made here, straight from
 * the pack's files (JSON.parse and loops, none of the app's code); reported ones are the hand-typed values;
 * statuses and trends follow the documented rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fsPackSource } from '../../scripts/lib/fs-pack-source.ts';
import { buildScorecard, deriveStatus, type ScoredIndicator } from '../../src/analysis/indicators.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { buildPackFiles, memorySource, point } from '../fixtures/tiny-pack.ts';

type Props = Record<string, unknown>;
const read = (region: string, file: string) =>
  JSON.parse(readFileSync(`data/regions/${region}/${file}`, 'utf8')) as Record<string, unknown>;
const features = (region: string, file: string) =>
  (read(region, file).features as { properties: Props }[]).map((f) => f.properties);

interface RawIndicator {
  id: string;
  category: string;
  target: number;
  actual?: number;
  compute?: Props & { key: string };
}

/** The count each compute key promises (docs/region-pack.md), done independently of src/. */
function independent(region: string, compute: Props & { key: string }): number {
  const grids = features(region, 'grids.geojson');
  const inRange = (day: string) =>
    (compute.from === undefined || day >= (compute.from as string)) &&
    (compute.to === undefined || day <= (compute.to as string));
  const matches = (p: Props, keys: string[]) =>
    keys.every((k) => compute[k] === undefined || p[k] === compute[k]);
  switch (compute.key) {
    case 'cell-count':
      return grids.filter((g) => g.level === compute.level).length;
    case 'service-count':
      return features(region, 'services.geojson').filter((s) => matches(s, ['kind'])).length;
    case 'partner-count':
      return features(region, 'partners.geojson').filter((p) => matches(p, ['kind', 'committee'])).length;
    case 'partner-coverage': {
      const parent = new Map(grids.map((g) => [g.id as string, g.parent as string | null]));
      const level = new Map(grids.map((g) => [g.id as string, g.level as string]));
      const paired = new Set<string>();
      for (const p of features(region, 'partners.geojson')) {
        for (const cell of (p.cells as string[] | undefined) ?? []) {
          for (let c: string | null | undefined = cell; c; c = parent.get(c))
            if (level.get(c) === compute.level) paired.add(c);
        }
      }
      return (100 * paired.size) / grids.filter((g) => g.level === compute.level).length;
    }
    case 'volunteer-hours':
    case 'volunteer-events': {
      let sum = 0;
      for (const e of features(region, 'activity.geojson')) {
        if (!inRange((e.time as string).slice(0, 10))) continue;
        sum += compute.key === 'volunteer-hours' ? (e.hours as number) : 1;
      }
      return sum;
    }
    case 'project-count':
      return features(region, 'projects.geojson').filter((p) => matches(p, ['domain', 'status'])).length;
    case 'committee-count':
      return (read(region, 'committees.json').committees as Props[]).filter((c) =>
        matches(c, ['kind', 'status']),
      ).length;
    case 'meeting-count':
      return (read(region, 'meetings.json').meetings as Props[]).filter((m) => inRange(m.date as string))
        .length;
    default:
      throw new Error(`no independent count for compute key ${compute.key}: add one here`);
  }
}

describe.each(['jiading', 'putuo'])('the %s scorecard', (region) => {
  let pack: RegionPack;
  let scored: Map<string, ScoredIndicator>;
  const raw = read(region, 'indicators.json').indicators as RawIndicator[];

  it('loads, and every indicator is on it in its category', async () => {
    const loaded = await loadRegionPack(fsPackSource(`data/regions/${region}`));
    expect(loaded.problems).toEqual([]);
    pack = loaded.pack as RegionPack;
    const groups = buildScorecard(pack);
    scored = new Map(groups.flatMap((g) => g.indicators.map((i) => [i.id, i] as const)));
    expect([...scored.keys()].sort()).toEqual(raw.map((r) => r.id).sort());
    for (const g of groups) for (const i of g.indicators) expect(i.category).toBe(g.category.id);
  });

  it('computes each computed indicator as the files count it', () => {
    const computed = raw.filter((r) => r.compute);
    expect(computed.length).toBeGreaterThan(5);
    for (const r of computed) {
      const s = scored.get(r.id);
      expect(s?.origin.kind, r.id).toBe('computed');
      expect(s?.actual, `${r.id} ${JSON.stringify(r.compute)}`).toBeCloseTo(
        independent(region, r.compute as Props & { key: string }),
        6,
      );
    }
  });

  it('takes reported indicators as typed, with their source', () => {
    for (const r of raw.filter((x) => !x.compute)) {
      const s = scored.get(r.id);
      expect(s?.actual).toBe(r.actual);
      expect(s?.origin).toEqual({ kind: 'reported', source: expect.stringMatching(/\S/) });
    }
  });

  it('derives each status from actual and target (none is given in the packs)', () => {
    for (const r of raw) {
      const s = scored.get(r.id);
      const ratio = (s?.actual ?? 0) / r.target;
      expect(s?.status, r.id).toBe(ratio >= 1 ? 'met' : ratio >= 0.8 ? 'near' : 'behind');
    }
  });
});

describe('the Jiading programme', () => {
  const doc = read('jiading', 'indicators.json') as {
    categories: { id: string; name: { zh: string } }[];
    indicators: RawIndicator[];
  };
  it('has the 33 indicators in the 5 categories the article names', () => {
    expect(doc.indicators).toHaveLength(33);
    expect(doc.categories.map((c) => c.name.zh)).toEqual(['规范性', '发展性', '实践性', '共享性', '协同性']);
  });

  it('counts the 12 deliberation meetings the article reports by its date, and 4 + 2 of 6 committees', () => {
    const meetings = doc.indicators.find((i) => i.compute?.key === 'meeting-count');
    expect(meetings?.target).toBe(12);
    expect(independent('jiading', meetings?.compute as Props & { key: string })).toBe(12);
    const committees = read('jiading', 'committees.json').committees as Props[];
    expect(committees.filter((c) => c.kind === 'professional')).toHaveLength(4);
    const area = committees.filter((c) => c.kind === 'area');
    expect(area).toHaveLength(6);
    expect(area.filter((c) => c.status === 'founded').map((c) => (c.name as { zh: string }).zh)).toEqual([
      '西门历史文化街区片区融委会',
      '远香文化源片区融委会',
    ]);
  });
});

describe('status and trend', () => {
  it('met at 100 %, near from 80 %, behind below; "lower is better" inverts the ratio', () => {
    expect(deriveStatus(9, 9, 'higher')).toBe('met');
    expect(deriveStatus(7.2, 9, 'higher')).toBe('near');
    expect(deriveStatus(7.1, 9, 'higher')).toBe('behind');
    expect(deriveStatus(10, 10, 'lower')).toBe('met');
    expect(deriveStatus(12, 10, 'lower')).toBe('near');
    expect(deriveStatus(13, 10, 'lower')).toBe('behind');
  });

  it('a reported status wins; the series ends with the actual value; previous gives the change', async () => {
    const files = buildPackFiles({
      partners: [point({ id: 'U1', name: 'u', kind: 'other', cells: ['C1', 'C3'] })],
      programme: {
        indicators: {
          categories: [{ id: 'x', name: { zh: '类' } }],
          indicators: [
            { id: 'A', category: 'x', name: { zh: 'a' }, target: 10, actual: 5, source: 's', status: 'met' },
            {
              id: 'B',
              category: 'x',
              name: { zh: 'b' },
              target: 100,
              compute: { key: 'partner-coverage', level: 'area' },
              previous: 20,
            },
            {
              id: 'C',
              category: 'x',
              name: { zh: 'c' },
              target: 4,
              compute: { key: 'partner-coverage', level: 'community' },
              trend: [
                { period: '2024', value: 10 },
                { period: '2025', value: 30 },
              ],
              period: '2026',
            },
          ],
        },
      },
    });
    const { pack, problems } = await loadRegionPack(memorySource(files));
    expect(problems).toEqual([]);
    const [group] = buildScorecard(pack as RegionPack);
    const [a, b, c] = group?.indicators ?? [];
    expect(a?.status).toBe('met');
    expect(a?.statusReported).toBe(true);
    // U1 pairs with C1 (in A1) and C3 (in A2): both areas, 2 of 4 communities.
    expect(b?.actual).toBe(100);
    expect(b?.change).toBe(80);
    expect(c?.actual).toBe(50);
    expect(c?.series).toEqual([
      { period: '2024', value: 10 },
      { period: '2025', value: 30 },
      { period: '2026', value: 50 },
    ]);
    expect(c?.change).toBe(20);
    expect(group?.counts).toEqual({ met: 3, near: 0, behind: 0 });
  });
});
