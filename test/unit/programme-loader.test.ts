/**
 * Programme documents (committees, indicators, meetings) through the pack loader: a valid set loads
 * with every field typed; each kind of bad input gives one problem naming the file, the item id and
 * the rule, and the pack is refused.
 */
import { describe, expect, it } from 'vitest';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import type { Problem } from '../../src/data/problem.ts';
import { buildPackFiles, editJson, memorySource, type PackSpec, point } from '../fixtures/tiny-pack.ts';

const committees = () => ({
  committees: [
    { id: 'economy', kind: 'professional', status: 'founded', founded: '2021-09-15', members: ['U1'] },
    {
      id: 'AC1',
      kind: 'area',
      name: { zh: '片区融委会', en: 'Area committee' },
      status: 'founded',
      founded: '2022-10-28',
      lead: 'U1',
      members: ['U1', 'U2'],
      cells: ['C1', 'C2'],
    },
    {
      id: 'AC2',
      kind: 'area',
      name: { zh: '筹建中' },
      status: 'planned',
      plannedFor: '2027-03-31',
      cells: ['A2'],
    },
  ],
});

const indicators = () => ({
  asOf: '2026-10-31',
  categories: [
    { id: 'normative', name: { zh: '规范性' } },
    { id: 'practice', name: { zh: '实践性' } },
  ],
  indicators: [
    {
      id: 'N1',
      category: 'normative',
      name: { zh: '网格' },
      unit: { zh: '个', en: '' },
      target: 4,
      compute: { key: 'cell-count', level: 'community' },
    },
    {
      id: 'P1',
      category: 'practice',
      name: { zh: '功能单元' },
      target: 9,
      actual: 6,
      source: 'annual report 2026',
      trend: [{ period: '2025', value: 5 }],
    },
  ],
});

const meetings = () => ({
  meetings: [
    {
      id: 'MT1',
      date: '2022-05-18',
      topic: { zh: '议事' },
      committee: 'AC1',
      cells: ['C1'],
      projects: ['P1'],
      participants: ['U2'],
      decisions: [{ zh: '决定' }],
    },
  ],
});

function spec(programme: PackSpec['programme'] = {}): PackSpec {
  return {
    partners: [
      point({ id: 'U1', name: '单位一', kind: 'government', committee: 'economy', cells: ['C1'] }),
      point({ id: 'U2', name: '单位二', kind: 'enterprise' }, 121.015, 31.007),
    ],
    projects: [point({ id: 'P1', name: '项目', domain: 'road', status: 'active', progress: 40 })],
    programme: { committees: committees(), indicators: indicators(), meetings: meetings(), ...programme },
  };
}

const rules = (problems: Problem[]) => problems.map((p) => `${p.file}|${p.featureId ?? '-'}|${p.rule}`);

async function load(files: Record<string, string>) {
  return loadRegionPack(memorySource(files));
}

describe('programme documents', () => {
  it('load typed, with defaults filled in', async () => {
    const { pack, problems } = await load(buildPackFiles(spec()));
    expect(problems).toEqual([]);
    const p = pack?.programme;
    expect(p?.committees.map((c) => [c.id, c.kind, c.status])).toEqual([
      ['economy', 'professional', 'founded'],
      ['AC1', 'area', 'founded'],
      ['AC2', 'area', 'planned'],
    ]);
    expect(p?.committees[0]?.cells).toEqual([]);
    expect(p?.categories.map((c) => c.id)).toEqual(['normative', 'practice']);
    expect(p?.indicators[0]?.better).toBe('higher');
    expect(p?.indicators[1]?.actual).toBe(6);
    expect(p?.indicatorsAsOf).toBe('2026-10-31');
    expect(p?.meetings[0]?.decisions).toEqual([{ zh: '决定' }]);
  });

  it('are optional: a pack without them has an empty programme', async () => {
    const { pack, problems } = await load(buildPackFiles());
    expect(problems).toEqual([]);
    expect(pack?.programme.committees).toEqual([]);
    expect(pack?.programme.indicators).toEqual([]);
    expect(pack?.programme.meetings).toEqual([]);
  });

  it('schema problems name the file, the item and the field, and refuse the pack', async () => {
    const files = buildPackFiles(spec());
    editJson<ReturnType<typeof indicators>>(files, 'indicators.json', (doc) => {
      (doc.indicators[0] as Record<string, unknown>).target = 'nine';
    });
    editJson<ReturnType<typeof committees>>(files, 'committees.json', (doc) => {
      const planned = doc.committees[2] as Record<string, unknown>;
      planned.status = 'founded'; // founded without a date
    });
    const { pack, problems } = await load(files);
    expect(pack).toBeNull();
    expect(rules(problems)).toEqual(['committees.json|AC2|schema', 'indicators.json|N1|schema']);
    expect(problems[0]?.message).toBe('committees[2].founded: a founded committee needs its founding date');
    expect(problems[1]?.message).toMatch(/^indicators\[0\]\.target: .*number.* \(got "nine"\)$/);
  });

  it('a computed indicator may not also give an actual value; a reported one needs a source', async () => {
    const files = buildPackFiles(spec());
    editJson<ReturnType<typeof indicators>>(files, 'indicators.json', (doc) => {
      (doc.indicators[0] as Record<string, unknown>).actual = 4;
      delete (doc.indicators[1] as Record<string, unknown>).source;
    });
    const { problems } = await load(files);
    expect(rules(problems)).toEqual(['indicators.json|N1|schema', 'indicators.json|P1|schema']);
    expect(problems[0]?.message).toContain('give either compute or actual');
    expect(problems[1]?.message).toContain('needs its source');
  });

  it('an unknown compute key says so', async () => {
    const files = buildPackFiles(spec());
    editJson<ReturnType<typeof indicators>>(files, 'indicators.json', (doc) => {
      (doc.indicators[0] as Record<string, unknown>).compute = { key: 'magic' };
    });
    const { problems } = await load(files);
    expect(rules(problems)).toEqual(['indicators.json|N1|schema']);
    expect(problems[0]?.message).toContain('unknown compute key');
  });

  it('broken references: one problem each, with its rule', async () => {
    const files = buildPackFiles(spec());
    editJson<ReturnType<typeof committees>>(files, 'committees.json', (doc) => {
      doc.committees.push({
        id: 'sports',
        kind: 'professional',
        status: 'founded',
        founded: '2021-01-01',
        members: ['U9'],
      });
      (doc.committees[1] as { cells: string[] }).cells.push('C99');
    });
    editJson<ReturnType<typeof indicators>>(files, 'indicators.json', (doc) => {
      (doc.indicators[0] as Record<string, unknown>).category = 'growth';
      (doc.indicators[0] as Record<string, unknown>).compute = { key: 'cell-count', level: 'block' };
      (doc.indicators[1] as Record<string, unknown>).id = 'P2';
      doc.indicators.push({
        id: 'V1',
        category: 'practice',
        name: { zh: '时长' },
        target: 1,
        compute: { key: 'volunteer-hours' },
      } as never);
    });
    editJson<ReturnType<typeof meetings>>(files, 'meetings.json', (doc) => {
      const m = doc.meetings[0] as Record<string, unknown>;
      m.committee = 'AC9';
      m.projects = ['P7'];
      m.participants = ['U2', 'U8'];
    });
    const { pack, problems } = await load(files);
    expect(pack).toBeNull();
    expect(rules(problems).sort()).toEqual(
      [
        'committees.json|AC1|ref-cell',
        'committees.json|sports|ref-committee',
        'committees.json|sports|ref-partner',
        'indicators.json|N1|ref-category',
        'indicators.json|N1|ref-level',
        'indicators.json|V1|compute-source',
        'meetings.json|MT1|ref-committee',
        'meetings.json|MT1|ref-partner',
        'meetings.json|MT1|ref-project',
      ].sort(),
    );
    const byRule = new Map(problems.map((p) => [`${p.featureId}|${p.rule}`, p.message]));
    expect(byRule.get('AC1|ref-cell')).toBe('cell "C99" does not exist in grids.geojson');
    expect(byRule.get('MT1|ref-partner')).toBe('participant "U8" does not exist in partners.geojson');
    expect(byRule.get('V1|compute-source')).toContain('volunteer activity');
  });

  it('duplicate ids, a document that is not an object, and bad JSON', async () => {
    const files = buildPackFiles(spec());
    editJson<ReturnType<typeof meetings>>(files, 'meetings.json', (doc) => {
      doc.meetings.push({ ...(doc.meetings[0] as object), date: '2022-06-01' } as never);
    });
    files['committees.json'] = '[]';
    files['indicators.json'] = '{"categories": [';
    const { problems } = await load(files);
    expect(rules(problems).sort()).toEqual(
      ['committees.json|-|document', 'indicators.json|-|json', 'meetings.json|MT1|id-duplicate'].sort(),
    );
  });

  it('a missing document is unreadable, like a missing layer', async () => {
    const files = buildPackFiles(spec());
    delete files['meetings.json'];
    const { pack, problems } = await load(files);
    expect(pack).toBeNull();
    expect(rules(problems)).toEqual(['meetings.json|-|file-unreadable']);
  });

  it('a reference to an item rejected for its own problem is not reported again', async () => {
    const files = buildPackFiles(spec());
    editJson<ReturnType<typeof committees>>(files, 'committees.json', (doc) => {
      (doc.committees[1] as Record<string, unknown>).status = 'dissolved';
    });
    const { problems } = await load(files);
    // MT1 names AC1, which was rejected: only AC1's own problem is listed.
    expect(rules(problems)).toEqual(['committees.json|AC1|schema']);
  });
});
