/**
 * The committed Putuo pack: real towns and committees, exact nesting, references that resolve, plausible
 * people, the summit's projects, and the validator finding exactly the flaws the generator documents.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePackFolder } from '../../scripts/lib/validate-pack.ts';
import type { Problem } from '../../src/data/problem.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';

const FOLDER = 'data/regions/putuo';

interface Flaw {
  kind: 'gap' | 'overlap';
  level: string;
  parent: string | null;
  ids: string[];
  areaM2: number;
  description: string;
}

let pack: RegionPack;
let errors: Problem[];
let findings: Problem[];

/** The reference committees: code → name, town code, town name. */
const committees = new Map(
  readFileSync('data/reference/putuo-committees-nbs2023.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [code = '', name = '', , street = '', streetName = ''] = line.split(',');
      return [code, { name, street, streetName }] as const;
    }),
);

beforeAll(async () => {
  const report = await validatePackFolder(FOLDER);
  errors = report.errors;
  findings = report.findings;
  if (!report.pack)
    throw new Error(`the Putuo pack does not load: ${errors.map((e) => e.message).join('; ')}`);
  pack = report.pack;
}, 120_000);

const props = (id: string) => pack.grid.byId.get(id)?.properties;

describe('the Putuo pack', () => {
  it('loads without errors and is listed after Jiading (which stays the default)', () => {
    expect(errors).toEqual([]);
    expect(pack.manifest.id).toBe('putuo');
    const index = JSON.parse(readFileSync('data/regions/index.json', 'utf8')) as string[];
    expect(index[0]).toBe('jiading');
    expect(index.indexOf('putuo')).toBeGreaterThan(index.indexOf('jiading'));
  });

  it('has the 10 real streets/towns with their official codes and names, and the real outline', () => {
    const towns = new Map<string, string>();
    for (const c of committees.values()) towns.set(c.street, c.streetName);
    expect(towns.size).toBe(10);
    expect(new Map(pack.admin.map((a) => [a.properties.id, a.properties.name]))).toEqual(towns);
    expect(pack.boundary.map((b) => b.properties.id)).toEqual(['310107']);
  });

  it('has one community grid per real committee, named and coded after it, in its own town', () => {
    const levels = pack.grid.levels;
    expect(levels).toEqual(['area', 'community', 'micro']);
    const community = pack.grid.byDepth[1] ?? [];
    expect(community).toHaveLength(committees.size);
    const seen = new Set<string>();
    for (const id of community) {
      const c = props(id);
      const committee = committees.get(c?.code ?? '');
      expect(committee?.name, `community ${id}`).toBe(c?.name);
      expect(committee?.street, `community ${id}`).toBe(c?.town);
      seen.add(c?.code ?? '');
    }
    expect(seen.size).toBe(committees.size);
  });

  it('nests exactly: three levels, every cell above micro has children, children stay in their parent’s town', () => {
    const [areas = [], communities = [], micros = []] = pack.grid.byDepth;
    expect(areas.length).toBeGreaterThanOrEqual(30);
    expect(areas.length).toBeLessThanOrEqual(40);
    expect(micros.length).toBeGreaterThanOrEqual(1500);
    expect(micros.length).toBeLessThanOrEqual(2000);
    for (const id of [...areas, ...communities])
      expect(pack.grid.children.get(id)?.length ?? 0, id).toBeGreaterThan(0);
    for (const cell of pack.grid.cells) {
      const { parent, level, town } = cell.properties;
      if (level === 'area') {
        expect(parent).toBeNull();
        continue;
      }
      const p = parent ? props(parent) : undefined;
      expect(p?.level, cell.properties.id).toBe(level === 'community' ? 'area' : 'community');
      expect(town).toBe(p?.town);
    }
  });

  it('has plausible people: ≈ 1.24 million, micro grids of hundreds to a few thousand, exact roll-ups', () => {
    const micro = (pack.grid.byDepth[2] ?? []).map((id) => props(id)?.population ?? 0);
    const total = micro.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(1_200_000);
    expect(total).toBeLessThan(1_280_000);
    const sorted = [...micro].sort((a, b) => a - b);
    expect(sorted[0]).toBeGreaterThanOrEqual(100);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThan(300);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(3000);
    for (const id of [...(pack.grid.byDepth[0] ?? []), ...(pack.grid.byDepth[1] ?? [])]) {
      const kids = pack.grid.children.get(id) ?? [];
      expect(props(id)?.population).toBe(kids.reduce((s, k) => s + (props(k)?.population ?? 0), 0));
    }
  });

  it('resolves every reference: partner committees and cells, project domains, owners and cells, activity cells', () => {
    const committeesIds = new Set(pack.manifest.committees?.map((c) => c.id));
    expect(committeesIds).toEqual(new Set(['economy', 'city', 'culture', 'innovation']));
    const domains = new Set(pack.manifest.domains?.map((d) => d.id));
    const partnerIds = new Set(pack.partners.map((p) => p.properties.id));
    const towns = new Set(pack.admin.map((a) => a.properties.id));
    for (const p of pack.partners) {
      expect(committeesIds.has(p.properties.committee ?? ''), p.properties.id).toBe(true);
      for (const c of p.properties.cells ?? [])
        expect(pack.grid.byId.has(c), `${p.properties.id} → ${c}`).toBe(true);
      expect(towns.has(String(p.properties.town)), p.properties.id).toBe(true);
    }
    expect(new Set(pack.partners.map((p) => p.properties.committee))).toEqual(committeesIds);
    for (const p of pack.projects) {
      expect(domains.has(p.properties.domain), p.properties.id).toBe(true);
      expect(partnerIds.has(p.properties.owner ?? ''), p.properties.id).toBe(true);
      expect(p.properties.cells?.length ?? 0, p.properties.id).toBeGreaterThan(0);
      for (const c of p.properties.cells ?? [])
        expect(props(c)?.level, `${p.properties.id} → ${c}`).toBe('micro');
    }
    // Every declared domain is used.
    expect(new Set(pack.projects.map((p) => p.properties.domain))).toEqual(domains);
    for (const e of pack.activity) expect(props(e.properties.cell ?? '')?.level).toBe('micro');
  });

  it('has the alliance and the summit’s projects: real institutions, 武宁路快速路, the charging build-out, 半马苏河', () => {
    const real = pack.partners.filter((p) => p.properties.source === 'reference');
    expect(real.map((p) => p.properties.name).sort()).toEqual(
      readFileSync('data/reference/partner-institutions.csv', 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('putuo,'))
        .map((l) => l.split(',')[1])
        .sort(),
    );
    expect(pack.partners.length).toBeGreaterThanOrEqual(70);
    const byName = (s: string) => pack.projects.filter((p) => p.properties.name.includes(s));
    expect(byName('武宁路快速路')[0]?.geometry.type).toBe('LineString');
    expect(pack.projects.filter((p) => p.properties.domain === 'key_project')).toHaveLength(10);
    const charging = pack.projects.filter((p) => p.properties.domain === 'charging');
    const planned = charging.reduce((s, p) => s + Number(p.properties.plannedPoints ?? 0), 0);
    expect(planned).toBe(200_000);
    const chargedTowns = new Set(
      charging.flatMap((p) => (p.properties.cells ?? []).map((c) => props(c)?.town)),
    );
    expect(chargedTowns.size).toBe(10);
    const riverside = pack.projects.filter((p) => p.properties.domain === 'riverside');
    expect(riverside.length).toBeGreaterThanOrEqual(8);
    // The creek line runs along the outline's southern edge: every vertex is a boundary vertex.
    const creek = riverside.find((p) => p.geometry.type === 'LineString');
    const outline = new Set(
      ((pack.boundary[0]?.geometry.coordinates ?? []) as number[][][])[0]?.map((p) => `${p[0]},${p[1]}`),
    );
    const line = (creek?.geometry.coordinates ?? []) as number[][];
    expect(line.length).toBeGreaterThan(20);
    for (const p of line) expect(outline.has(`${p[0]},${p[1]}`)).toBe(true);
    expect(pack.services.length).toBeGreaterThan(100);
  });

  it('has a year of volunteer activity ending 2026-10-31, tens of thousands of events', () => {
    expect(pack.activity.length).toBeGreaterThanOrEqual(15_000);
    const days = pack.activity.map((a) => a.properties.time.slice(0, 10)).sort();
    expect(days[0]).toBe('2025-11-01');
    expect(days.at(-1)).toBe('2026-10-31');
  });

  it('validator findings are exactly the deliberate flaws the generator documents', () => {
    const parentsOf = (ids: string[]) => new Set(ids.map((id) => props(id)?.parent));
    const flaws = JSON.parse(readFileSync(`${FOLDER}/flaws.json`, 'utf8')) as Flaw[];
    expect(findings).toHaveLength(flaws.length);
    for (const flaw of flaws) {
      const rule = flaw.kind === 'overlap' ? 'overlap' : flaw.parent === null ? 'gap-boundary' : 'gap';
      const match = findings.find(
        (f) =>
          f.rule === rule &&
          f.level === flaw.level &&
          (flaw.parent === null || parentsOf(f.ids ?? []).has(flaw.parent) || f.ids?.includes(flaw.parent)) &&
          Math.abs((f.areaM2 ?? 0) - flaw.areaM2) / flaw.areaM2 < 0.02,
      );
      expect(match, `${flaw.kind} ${flaw.description}`).toBeDefined();
      for (const id of flaw.ids) expect(match?.ids, flaw.description).toContain(id);
    }
  });
});
