/**
 * The generator pipeline for one district: outline → towns → three-level grid → flaws → topology →
 * checks → numbers, partners, projects, services, activity → files and README.
 * Deterministic: one seeded PRNG (random.ts) with labelled forks, no clock, no Math.random, stable
 * iteration order — the same district and seed write byte-identical files. Reads only data/reference/.
 */
import { buildActivity } from './activity.ts';
import { CellIndex } from './cell-index.ts';
import type { DistrictConfig } from './district.ts';
import { applyFlaws } from './flaws.ts';
import { asGeometry } from './geo.ts';
import { buildGrid } from './grids.ts';
import { buildPartners } from './partners.ts';
import { buildProgramme, PROGRAMME_FILES } from './programme.ts';
import { buildProjects } from './projects.ts';
import { createRng } from './random.ts';
import { loadCommittees, loadDistrict, loadInstitutions, repairRing } from './reference.ts';
import { buildServices } from './services.ts';
import { computeStats } from './stats.ts';
import { Topology } from './topology.ts';
import { buildTowns } from './towns.ts';
import { checkRings, checkStructure, checkTiling } from './verify.ts';
import { PackWriter } from './write.ts';

export function generatePack(config: DistrictConfig, seed: number, out: string): void {
  const started = performance.now();
  const step = (what: string) =>
    console.log(`${config.id}: ${((performance.now() - started) / 1000).toFixed(1)} s  ${what}`);
  const rng = createRng(seed);

  const district = loadDistrict(config.code);
  const repair = repairRing(district.ring);
  const outline = repair.ring;
  const committees = loadCommittees(config.committeesFile);
  const institutions = loadInstitutions(config.id);
  const topology = new Topology(outline, config.topology);
  const fix = (shapes: Parameters<Topology['fix']>[0]) => topology.fix(shapes);

  const rawTowns = buildTowns(outline, config.towns, rng.fork('towns'), config.townWarp);
  const townShapes = fix(rawTowns.map((t) => t.shape));
  const towns = rawTowns.map((t, i) => ({ ...t, shape: townShapes[i] ?? t.shape }));
  step('towns');
  const cells = buildGrid(towns, committees, config.counts, rng.fork('grid'), fix, {
    density: config.density,
    mustKeep: config.mustKeep,
  });
  step('grid');
  const flaws = applyFlaws(cells, outline, rng.fork('flaws'), fix, config.flaws);
  const final = topology.finish([...towns.map((t) => t.shape), ...cells.map((c) => c.shape)]);
  towns.forEach((t, i) => {
    t.shape = final.shapes[i] ?? t.shape;
  });
  cells.forEach((c, i) => {
    c.shape = final.shapes[towns.length + i] ?? c.shape;
  });
  const boundary = final.outline;
  step('flaws and topology');

  checkStructure(cells, config.counts);
  checkRings(
    'town',
    towns.map((t) => t.shape),
  );
  checkRings(
    'cell',
    cells.map((c) => c.shape),
  );
  const tiling = checkTiling(cells, towns, boundary, flaws);
  step('verified');

  const stats = computeStats(cells, config.towns, config.density, rng.fork('stats'));
  const population = new Map([...stats].map(([id, s]) => [id, s.population]));
  const byId = new Map(cells.map((c) => [c.id, c]));
  const micros = CellIndex.ofLevel(cells, 'micro');
  const communities = CellIndex.ofLevel(cells, 'community');
  const partners = buildPartners(
    institutions,
    towns,
    micros,
    communities,
    byId,
    config.partners,
    rng.fork('partners'),
  );
  const specs = config.projects({
    outline: boundary,
    towns,
    micros,
    communities: communities.cells,
    partners,
    population,
    rng: rng.fork('project-footprints'),
  });
  const projects = buildProjects(specs, partners, micros, communities.cells, outline, rng.fork('projects'));
  const services = buildServices(
    towns,
    communities.cells,
    population,
    micros,
    config.stations,
    rng.fork('services'),
  );
  const activity = buildActivity(micros.cells, micros, population, config.activity, rng.fork('activity'));
  step('partners, projects, services, activity');
  const programme = config.programme
    ? buildProgramme(config.programme, {
        byId,
        micros,
        communities,
        partners,
        projects,
        services,
        activity,
        rng: rng.fork('programme'),
      })
    : null;

  const w = new PackWriter(out);
  w.json('region.json', config.manifest());
  w.geojson('boundary.geojson', [
    {
      properties: { id: district.code, name: district.name, code: district.code },
      geometry: { type: 'Polygon', coordinates: [boundary] },
    },
  ]);
  w.geojson(
    'towns.geojson',
    towns.map((t) => ({
      properties: { id: t.fact.code, name: t.fact.name, code: t.fact.code, nameEn: t.fact.nameEn },
      geometry: asGeometry(t.shape),
    })),
  );
  w.geojson(
    'grids.geojson',
    cells.map((c) => {
      const s = stats.get(c.id);
      return {
        properties: {
          id: c.id,
          level: c.level,
          parent: c.parent,
          name: c.name,
          code: c.code,
          town: c.town,
          leader: c.leader,
          population: s?.population ?? 0,
          households: s?.households ?? 0,
          partyMembers: s?.partyMembers ?? 0,
        },
        geometry: asGeometry(c.shape),
      };
    }),
  );
  w.geojson(
    'partners.geojson',
    partners.map((p) => ({
      properties: {
        id: p.id,
        name: p.name,
        ...(p.nameEn ? { nameEn: p.nameEn } : {}),
        kind: p.kind,
        committee: p.committee,
        cells: p.cells,
        town: p.town,
        source: p.source,
        coordQuality: p.coordQuality,
      },
      geometry: { type: 'Point', coordinates: p.pos },
    })),
  );
  w.geojson(
    'projects.geojson',
    projects.map((p) => ({
      properties: {
        id: p.id,
        name: p.name,
        domain: p.domain,
        status: p.status,
        progress: p.progress,
        owner: p.owner,
        start: p.start,
        due: p.due,
        cells: p.cells,
        ...p.extra,
      },
      geometry: p.geometry,
    })),
  );
  w.geojson(
    'services.geojson',
    services.map((s) => ({
      properties: { id: s.id, name: s.name, kind: s.kind },
      geometry: { type: 'Point', coordinates: s.pos },
    })),
  );
  w.geojson(
    'activity.geojson',
    activity.events.map((e) => ({
      properties: {
        id: e.id,
        time: e.time,
        kind: e.kind,
        volunteers: e.volunteers,
        hours: e.hours,
        cell: e.cell,
      },
      geometry: { type: 'Point', coordinates: e.pos },
    })),
  );
  w.json('flaws.json', flaws);
  if (programme) {
    w.json(PROGRAMME_FILES.committees, programme.committees);
    w.json(PROGRAMME_FILES.indicators, programme.indicators);
    w.json(PROGRAMME_FILES.meetings, programme.meetings);
  }
  const sizes = w.written.map((name) => ({ name, bytes: w.size(name) }));
  w.text(
    'README.md',
    config.readme({
      seed,
      sizes,
      cells,
      towns,
      stats,
      flaws,
      tiling,
      repair,
      outlineVerticesAdded: topology.report.outlineVerticesAdded,
      partners,
      projects,
      services,
      activity,
      programme,
    }),
  );
  step(`wrote ${w.written.length} files to ${out}`);
  const totalPeople = cells
    .filter((c) => c.level === 'area')
    .reduce((s, c) => s + (stats.get(c.id)?.population ?? 0), 0);
  const active = new Set(activity.events.map((e) => e.cell));
  console.log(
    `${config.id}: cells ${config.counts.areas}/${config.counts.communities}/${config.counts.micros}, population ${totalPeople}, ` +
      `partners ${partners.length}, projects ${projects.length}, services ${services.length}, activity ${activity.events.length} ` +
      `(${micros.cells.filter((c) => !active.has(c.id)).length} micro grids without any), flaws ${flaws.map((f) => `${f.kind}/${f.level} ${f.areaM2} m²`).join(', ') || 'none'}`,
  );
  console.log(
    `${config.id}: topology: ${JSON.stringify(topology.report)}; tiling: ${JSON.stringify(tiling)}`,
  );
}
