import type { CoverageReport } from './analyse-pack.ts';
import { FINDING_KINDS, type Finding } from './finding.ts';
import { fmtInt } from './format.ts';

/** Plain-text rendering of a coverage report, for `npm run coverage` (format in docs/coverage.md). */
export interface TextOptions {
  folder: string;
  seconds: number;
  /** Findings listed; 0 = all. */
  limit: number;
}

const pct = (share: number, digits: number) => `${(share * 100).toFixed(digits)} %`;

/** Columns padded to their widest cell; the last column (free text) is left unpadded. */
function table(header: string[], rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        if (i === cells.length - 1) return c;
        const w = widths[i] ?? 0;
        return rightAligned.has(i) ? c.padStart(w) : c.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function spatial(r: CoverageReport): string[] {
  const { boundaryAreaM2, levels, towns } = r.spatial;
  const m = r.gridMethods;
  const out = [
    `Grid coverage — boundary ${fmtInt(boundaryAreaM2)} m²; ${m.exact + m.windows + m.clipped} parents checked: ${m.exact} exact by shared edges, ${m.windows} clipped around their flaws, ${m.clipped} clipped whole`,
    ...table(
      ['level', 'cells', 'uncovered m²', 'covered', 'gaps', 'overlap m²', 'outside parent m²', ''],
      levels.map((l) => [
        l.level,
        fmtInt(l.cells),
        fmtInt(l.uncoveredM2),
        pct(l.coveredShare, 3),
        String(l.gaps),
        fmtInt(l.overlapM2),
        fmtInt(l.outsideParentM2),
        l.complete ? '' : 'incomplete: a clipping operation failed (see geometry-unprocessable)',
      ]),
      new Set([1, 2, 3, 4, 5, 6]),
    ),
    '',
    'Coverage per town (covered share of the town, per level)',
    ...table(
      ['town', 'area m²', ...levels.map((l) => l.level), 'name'],
      towns.map((t) => [
        t.town ?? '(none)',
        fmtInt(t.areaM2),
        ...t.levels.map((l) => pct(l.coveredShare, 3)),
        t.name ?? '',
      ]),
      new Set(levels.map((_, i) => i + 1).concat(levels.length + 1)),
    ),
  ];
  return out;
}

function others(r: CoverageReport): string[] {
  const out: string[] = [];
  const s = r.service;
  if (s) {
    const what = s.kind === null ? 'any service point' : `service kind "${s.kind}"`;
    out.push(
      `Service reach — ${what} within ${fmtInt(s.radiusM)} m (${fmtInt(s.services)} points; kinds in the pack: ${r.serviceKinds.join(', ') || 'none'})`,
      `  ${s.level}: ${fmtInt(s.cells)} cells; ${fmtInt(s.cellsWhollyUnreached)} wholly and ${fmtInt(s.cellsPartlyUnreached)} partly beyond reach; ${fmtInt(s.unreachedM2)} m² beyond reach` +
        (s.population !== null && s.affectedPopulation !== null
          ? `; ${fmtInt(s.affectedPopulation)} of ${fmtInt(s.population)} residents (${pct(1 - (s.reachedShare ?? 1), 1)}) beyond reach`
          : ''),
      '',
    );
  } else out.push('Service reach — the pack has no services layer', '');
  const p = r.partnership;
  if (p) {
    out.push(`Partnership — ${fmtInt(p.partners)} partner units`);
    for (const l of p.levels) {
      out.push(
        `  ${l.level}: ${fmtInt(l.withoutPartner)} of ${fmtInt(l.cells)} cells with no partner paired or inside` +
          (l.populationWithout !== null ? ` (${fmtInt(l.populationWithout)} residents)` : ''),
      );
    }
    out.push('');
  } else out.push('Partnership — the pack has no partners layer', '');
  const a = r.activity;
  if (a) {
    out.push(
      `Activity — ${a.from} to ${a.to} (${a.days} days, end excluded): ${fmtInt(a.eventsInWindow)} of ${fmtInt(a.events)} events` +
        (a.eventsOutsideCells ? `; ${fmtInt(a.eventsOutsideCells)} lie in no cell` : ''),
      `  ${a.level}: ${fmtInt(a.cellsWithout)} of ${fmtInt(a.cells)} cells with no activity in the window, ${fmtInt(a.cellsNever)} with none ever`,
      '',
    );
  } else out.push('Activity — the pack has no activity layer', '');
  return out;
}

/** Findings grouped by kind (grid first), each group ranked, at most `limit` rows per group. */
function findings(r: CoverageReport, limit: number): string[] {
  const ids = (f: Finding) =>
    f.ids.length > 3 ? `${f.ids.slice(0, 3).join(',')},+${f.ids.length - 3}` : f.ids.join(',');
  const out = [
    `Findings — ${fmtInt(r.findings.length)} in all, by kind, each ranked by ${r.options.rankBy}` +
      (limit > 0 ? `; at most ${limit} per kind (--limit 0 lists all)` : ''),
  ];
  for (const kind of FINDING_KINDS) {
    const list = r.findings.filter((f) => f.kind === kind);
    if (list.length === 0) continue;
    const shown = limit > 0 ? list.slice(0, limit) : list;
    // Cells of different levels nest, so their areas and people are only summed within one level.
    const oneLevel = new Set(list.map((f) => f.level)).size === 1;
    const total = `${fmtInt(list.reduce((s, f) => s + f.areaM2, 0))} m²`;
    const people = list.some((f) => f.population !== undefined)
      ? `, ${fmtInt(list.reduce((s, f) => s + (f.population ?? 0), 0))} people`
      : '';
    out.push(
      '',
      `${kind}: ${fmtInt(list.length)}${oneLevel ? ` (${total}${people})` : ''}${shown.length < list.length ? `, first ${shown.length}` : ''}`,
      ...table(
        ['#', 'severity', 'level', 'ids', 'town', 'area m²', 'people', 'message'],
        shown.map((f, i) => [
          String(i + 1),
          f.severity,
          f.level ?? '',
          ids(f),
          f.town ?? '',
          fmtInt(f.areaM2),
          f.population !== undefined ? fmtInt(f.population) : '',
          f.message,
        ]),
        new Set([0, 5, 6]),
      ).map((line) => `  ${line}`),
    );
  }
  return out;
}

export function formatReport(r: CoverageReport, o: TextOptions): string {
  const name = r.region.nameEn ? `${r.region.name} (${r.region.nameEn})` : r.region.name;
  return [
    `Coverage report for ${name} — ${o.folder}${r.region.generated ? ' — synthetic data' : ''} — analysed in ${o.seconds.toFixed(2)} s`,
    '',
    ...spatial(r),
    '',
    ...others(r),
    ...findings(r, o.limit),
  ].join('\n');
}
