/** The programme panel's models and map data, on tiny packs whose answers can be read off the fixture. */
import { describe, expect, it } from 'vitest';
import { meetingsFor } from '../../src/app/cell-meetings.ts';
import { buildPanelModel } from '../../src/app/panel-model.ts';
import { buildCommitteeModels, buildMeetingModels, describeCompute } from '../../src/app/programme-model.ts';
import { packIndex } from '../../src/data/pack-index/pack-index.ts';
import type { RegionPack } from '../../src/data/region-pack.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { outerEdges, programmeMapData } from '../../src/layers/programme-layers.ts';
import { loadTiny } from '../fixtures/analysis-fixtures.ts';
import { point, ring } from '../fixtures/tiny-pack.ts';

// Two areas A1 | A2, each with two communities (C1, C2 in A1; C3, C4 in A2); see tiny-pack.ts.
async function tiny(): Promise<RegionPack> {
  return loadTiny({
    admin: [
      {
        type: 'Feature',
        properties: { id: 'T1', name: '一镇' },
        geometry: { type: 'Polygon', coordinates: [ring([121.0, 31.0, 121.02, 31.01])] },
      },
    ],
    cells: [
      { id: 'A1', level: 'area', parent: null, box: [121.0, 31.0, 121.01, 31.01], town: 'T1' },
      { id: 'A2', level: 'area', parent: null, box: [121.01, 31.0, 121.02, 31.01], town: 'T1' },
      { id: 'C1', level: 'community', parent: 'A1', box: [121.0, 31.0, 121.01, 31.005] },
      { id: 'C2', level: 'community', parent: 'A1', box: [121.0, 31.005, 121.01, 31.01] },
      { id: 'C3', level: 'community', parent: 'A2', box: [121.01, 31.0, 121.02, 31.005] },
      { id: 'C4', level: 'community', parent: 'A2', box: [121.01, 31.005, 121.02, 31.01] },
    ],
    partners: [
      point({ id: 'U1', name: '甲单位', kind: 'government', committee: 'economy', cells: ['C1'] }),
      point({ id: 'U2', name: '乙单位', kind: 'enterprise', committee: 'economy' }, 121.015, 31.0075),
      point({ id: 'U3', name: '丙单位', kind: 'school' }, 121.05, 31.05),
    ],
    projects: [point({ id: 'P1', name: '项目', domain: 'road', status: 'delayed', progress: 40 })],
    programme: {
      committees: {
        committees: [
          {
            id: 'AC1',
            kind: 'area',
            name: { zh: '片区一' },
            status: 'founded',
            founded: '2022-10-28',
            lead: 'U3',
            members: ['U3', 'U1'],
            cells: ['C1', 'C2'],
          },
          { id: 'economy', kind: 'professional', status: 'founded', founded: '2021-01-01', members: ['U3'] },
          { id: 'AC2', kind: 'area', name: { zh: '片区二' }, status: 'planned', cells: ['A2'] },
        ],
      },
      meetings: {
        meetings: [
          {
            id: 'M1',
            date: '2023-05-01',
            topic: { zh: '关于C1' },
            cells: ['C1'],
            committee: 'AC1',
            participants: ['U1'],
            projects: ['P1'],
          },
          { id: 'M2', date: '2022-01-01', topic: { zh: '关于A2' }, cells: ['A2'] },
          { id: 'M3', date: '2024-01-01', topic: { zh: '关于C4', en: 'On C4' }, cells: ['C4'] },
        ],
      },
    },
  });
}

describe('committee models', () => {
  it('professional committees first; their members include every partner naming them; the lead leads the list', async () => {
    const pack = await tiny();
    const models = buildCommitteeModels(pack, packIndex(pack), 'zh');
    expect(models.map((c) => c.id)).toEqual(['economy', 'AC1', 'AC2']);
    const economy = models[0];
    expect(economy?.name).toBe('经济专委会'); // from the manifest
    expect(economy?.members.map((m) => m.id).sort()).toEqual(['U1', 'U2', 'U3']);
    expect(economy?.cells).toEqual([]);
    const ac1 = models[1];
    expect(ac1?.members.map((m) => m.id)).toEqual(['U3', 'U1']);
    expect(ac1?.members[0]?.locatedIn).toBeNull(); // U3 stands outside the district
    expect(ac1?.members[1]?.paired).toEqual([{ id: 'C1', name: 'cell C1' }]);
    expect(ac1?.members[1]?.locatedIn).toEqual({ id: 'C1', name: 'cell C1' });
    expect(ac1?.cells.map((c) => [c.id, c.levelName])).toEqual([
      ['C1', 'community'],
      ['C2', 'community'],
    ]);
    expect(ac1?.meetings.map((m) => m.id)).toEqual(['M1']);
    expect(models[2]?.date).toBeNull();
  });
});

describe('meetings', () => {
  it('the timeline runs oldest first, with names resolved', async () => {
    const pack = await tiny();
    const list = buildMeetingModels(pack, 'en');
    expect(list.map((m) => m.id)).toEqual(['M2', 'M1', 'M3']);
    expect(list[2]?.topic).toBe('On C4');
    expect(list[1]).toMatchObject({
      committee: { id: 'AC1', name: '片区一' },
      participants: [{ id: 'U1', name: '甲单位' }],
      projects: [{ id: 'P1', name: '项目', status: 'delayed' }],
    });
  });

  it('a cell lists the meetings naming it, a cell below it or a cell above it, newest first', async () => {
    const pack = await tiny();
    const ids = (id: string) =>
      meetingsFor(pack, { kind: 'cell', id }, 'zh').map((m) => `${m.id}:${m.via ?? '-'}`);
    expect(ids('C1')).toEqual(['M1:-']);
    expect(ids('A1')).toEqual(['M1:cell C1']);
    expect(ids('C4')).toEqual(['M3:-', 'M2:cell A2']);
    expect(ids('A2')).toEqual(['M3:cell C4', 'M2:-']);
    expect(ids('C2')).toEqual([]);
    expect(meetingsFor(pack, { kind: 'town', id: 'T1' }, 'zh').map((m) => m.id)).toEqual(['M3', 'M1', 'M2']);
  });

  it('the cell panel carries them, and a pack without meetings says nothing rather than "none"', async () => {
    const pack = await tiny();
    const window = { from: '2026-01-01', to: '2026-03-31' };
    const model = buildPanelModel(pack, packIndex(pack), { kind: 'cell', id: 'C4' }, window, 'zh');
    expect(model?.meetings?.map((m) => m.id)).toEqual(['M3', 'M2']);
    const bare = await loadTiny({});
    expect(
      buildPanelModel(bare, packIndex(bare), { kind: 'cell', id: 'C4' }, window, 'zh')?.meetings,
    ).toBeNull();
  });
});

describe('committees on the map', () => {
  it('the outline of two cells sharing an edge is their outer boundary only', () => {
    const a = [ring([0, 0, 1, 1])];
    const b = [ring([1, 0, 2, 1])];
    const outline = outerEdges([a, b]);
    const segments = outline.coordinates.flatMap((line) =>
      line.slice(1).map((p, i) => {
        const q = line[i] as number[];
        return [q, p]
          .map((x) => x.join(','))
          .sort()
          .join('|');
      }),
    );
    expect(segments).not.toContain('1,0|1,1');
    expect(segments.sort()).toEqual(
      ['0,0|0,1', '0,0|1,0', '0,1|1,1', '1,0|2,0', '1,1|2,1', '2,0|2,1'].sort(),
    );
    // Chained: one closed line around both.
    expect(outline.coordinates).toHaveLength(1);
  });

  it('fills each covered cell, one outline and one label per committee; the chosen one is emphasised', async () => {
    const pack = await tiny();
    const data = programmeMapData(pack, deriveMapData(pack), 'zh', 'AC2');
    const parts = data.features.map(
      (f) => `${f.properties.committee}:${f.properties.part}:${f.properties.status}:${f.properties.selected}`,
    );
    expect(parts).toEqual([
      'AC1:fill:founded:0',
      'AC1:fill:founded:0',
      'AC1:line:founded:0',
      'AC2:fill:planned:1',
      'AC2:line:planned:1',
      'AC1:label:founded:0',
      'AC2:label:planned:1',
    ]);
    expect(data.features.find((f) => f.properties.part === 'label')?.properties.name).toBe('片区一');
  });
});

describe('describing a computation', () => {
  it('names the level, kinds, domains, statuses and periods in the interface language', async () => {
    const pack = await tiny();
    expect(describeCompute(pack, { key: 'cell-count', level: 'community' }, 'zh')).toBe(
      '“community”层级的网格数',
    );
    expect(describeCompute(pack, { key: 'project-count', domain: 'road', status: 'done' }, 'zh')).toBe(
      '项目数量（路域党建，已完成）',
    );
    expect(
      describeCompute(pack, { key: 'volunteer-hours', from: '2025-11-01', to: '2026-10-31' }, 'en'),
    ).toBe('volunteer hours (2025-11-01 to 2026-10-31)');
    expect(describeCompute(pack, { key: 'partner-count', committee: 'economy' }, 'en')).toBe(
      'partner units (经济专委会)',
    );
  });
});
