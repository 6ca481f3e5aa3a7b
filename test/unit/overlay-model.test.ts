import { describe, expect, it } from 'vitest';
import {
  compareProjects,
  overlayNames,
  type ProjectRow,
  partnerCard,
  projectCard,
  projectList,
  selectionBox,
} from '../../src/app/overlay-model.ts';
import { packIndex } from '../../src/data/pack-index/pack-index.ts';
import { loadRegionPack } from '../../src/data/pack-loader.ts';
import { translate } from '../../src/i18n/strings.ts';
import { deriveMapData } from '../../src/layers/map-data.ts';
import { NO_FILTERS } from '../../src/layers/overlay-style.ts';
import { buildOverlayPackFiles, HOSTILE_PARTNER } from '../fixtures/overlay-pack.ts';
import { memorySource } from '../fixtures/tiny-pack.ts';

async function load() {
  const { pack } = await loadRegionPack(memorySource(buildOverlayPackFiles()));
  if (!pack) throw new Error('fixture did not load');
  const names = overlayNames(pack, 'en', (k) => translate('en', k));
  return { pack, index: packIndex(pack), names };
}

const row = (id: string, status: ProjectRow['status'], due: string | null): ProjectRow => ({
  id,
  name: id,
  status,
  due,
  progress: 0,
  domain: 'd',
  domainName: 'd',
});

describe('the project list', () => {
  it('puts delayed projects first, then orders by due date, undated last', () => {
    const rows = [
      row('a', 'active', '2027-01-01'),
      row('b', 'delayed', '2026-09-30'),
      row('c', 'done', '2025-01-01'),
      row('d', 'planned', null),
      row('e', 'delayed', '2026-03-31'),
      row('f', 'delayed', null),
      row('g', 'suspended', '2026-01-01'),
    ];
    expect(rows.sort(compareProjects).map((r) => r.id)).toEqual(['e', 'b', 'f', 'c', 'g', 'a', 'd']);
  });

  it('lists what the filters let through, in that order', async () => {
    const { pack, names } = await load();
    expect(projectList(pack, NO_FILTERS, names).map((r) => r.id)).toEqual(['P4', 'P1', 'P3', 'P2', 'P5']);
    expect(projectList(pack, { ...NO_FILTERS, statuses: ['delayed'] }, names).map((r) => r.id)).toEqual([
      'P4',
      'P1',
    ]);
    expect(projectList(pack, { ...NO_FILTERS, domains: ['cross'] }, names).map((r) => r.id)).toEqual(['P2']);
  });
});

describe('cards', () => {
  it('a partner card: committee, paired cells once each, where it stands, the projects it leads', async () => {
    const { pack, index, names } = await load();
    const card = partnerCard(pack, index, 'U1', 'en', names);
    expect(card?.name).toBe(HOSTILE_PARTNER);
    expect(card?.committee.name).toBe('Economy');
    expect(card?.pairedCells.map((c) => c.id)).toEqual(['C1', 'C3', 'C4']);
    expect(card?.locatedIn?.id).toBe('C1');
    expect(card?.projects.map((p) => p.id)).toEqual(['P1']);
    expect(partnerCard(pack, index, 'U4', 'en', names)?.pairedCells.map((c) => c.id)).toEqual(['C4']);
    expect(partnerCard(pack, index, 'U3', 'en', names)?.committee.name).toBe('No committee');
    expect(partnerCard(pack, index, 'nope', 'en', names)).toBeNull();
  });

  it('a project card: its lead unit, its cells, and whether it reaches beyond the district', async () => {
    const { pack, index, names } = await load();
    const line = projectCard(pack, index, 'P2', 'en', names);
    expect(line?.owner).toEqual({ partnerId: 'U2', name: '测试大学' });
    expect(line?.beyondDistrict).toBe(true);
    // No `cells` in the pack: derived from the geometry (the line crosses C2 and C4 at 31.006 N).
    expect(line?.cells.map((c) => c.id).sort()).toEqual(['C2', 'C4']);
    const site = projectCard(pack, index, 'P3', 'en', names);
    expect(site?.beyondDistrict).toBe(false);
    expect(site?.domainName).toBe('Road');
    expect(projectCard(pack, index, 'P4', 'en', names)?.owner).toBeNull();
  });

  it('a selection box spans a partner and its paired cells', async () => {
    const { pack } = await load();
    const data = deriveMapData(pack);
    const box = selectionBox(pack, data.overlays.cellPoints, { kind: 'partner', id: 'U1' });
    // From the unit in C1 (121.004, 31.002) to label points inside C3 and C4 (east half).
    expect(box?.[0]).toBeCloseTo(121.004, 6);
    expect(box?.[2]).toBeGreaterThan(121.01);
    expect(box?.[3]).toBeGreaterThan(31.005);
  });
});
