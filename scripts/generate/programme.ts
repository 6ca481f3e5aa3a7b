/**
 * The programme documents of a generated pack (docs/region-pack.md, "Programme documents"):
 * committees.json (the professional committees and the area bodies, with members and covered cells),
 * indicators.json (the target indicators and their categories) and meetings.json (deliberation
 * meetings). A district gives the facts its source article states and plausible generated ones, each
 * marked `generated`; this module turns names into ids and places into cells, deterministically.
 */
import type { Compute } from '../../src/data/programme-schema.ts';
import type { ActivityResult } from './activity.ts';
import type { CellIndex } from './cell-index.ts';
import { centroidOf, distKm, type Pos } from './geo.ts';
import type { Cell } from './grids.ts';
import type { CommitteeId, Partner } from './partners.ts';
import type { Project } from './projects.ts';
import type { Rng } from './random.ts';
import type { Service } from './services.ts';

export interface Text {
  zh: string;
  en: string;
}

export interface ProgrammeContext {
  byId: ReadonlyMap<string, Cell>;
  micros: CellIndex;
  communities: CellIndex;
  partners: readonly Partner[];
  projects: readonly Project[];
  services: readonly Service[];
  activity: ActivityResult;
  /** A stream of its own, so that programme choices never shift any other file. */
  rng: Rng;
}

export interface ProfessionalCommitteeSpec {
  id: CommitteeId;
  founded: string;
  /** Partner name of the convening unit. */
  lead: string;
  focus: Text;
  source: string;
  /** True when anything beyond the committee's existence (date, lead, focus) is generated. */
  generated: boolean;
}

export interface AreaBodySpec {
  id: string;
  name: Text;
  status: 'founded' | 'planned';
  founded?: string;
  plannedFor?: string;
  lead: string;
  /** The community grids it covers: those the named projects (or a domain's) touch, or the n nearest a point. */
  cover: { projects: readonly string[] } | { domain: string } | { near: Pos; communities: number };
  /** Members: the lead, the named units, and the partner units within this distance of the area. */
  members: readonly string[];
  memberRadiusKm: number;
  focus: Text;
  source?: string;
  generated: boolean;
}

export interface MeetingSpec {
  date: string;
  topic: Text;
  /** Default 专题议事会 (thematic deliberation meeting). */
  kind?: Text;
  committee?: string;
  /** Project names; the meeting concerns some of the community grids they touch. */
  projects: readonly string[];
  /** Places the meeting is about (each becomes the community grid there). */
  at?: readonly Pos[];
  /** Partner names; the projects' owners take part too. */
  participants: readonly string[];
  decisions: readonly Text[];
  place?: string;
  source?: string;
  generated: boolean;
}

export interface ProgrammePlan {
  professional: readonly ProfessionalCommitteeSpec[];
  areaBodies: readonly AreaBodySpec[];
  meetings: readonly MeetingSpec[];
  /** The indicators document, from the finished context (computed targets may look at the data). */
  indicators: (ctx: ProgrammeContext) => IndicatorsDoc;
}

export interface IndicatorsDoc {
  title: Text;
  asOf: string;
  source: string;
  categories: readonly { id: string; name: Text }[];
  /** Written as given (docs/region-pack.md lists the fields); `compute` and `generated` are read here. */
  indicators: readonly ({ id: string; category: string; compute?: Compute; generated?: boolean } & Record<
    string,
    unknown
  >)[];
}

interface CommitteeOut {
  id: string;
  kind: string;
  status: string;
  members: string[];
  cells?: string[];
  generated: boolean;
}

interface MeetingOut {
  id: string;
  date: string;
  cells: string[];
  generated: boolean;
}

export interface ProgrammeDocs {
  committees: { committees: CommitteeOut[] };
  indicators: IndicatorsDoc;
  meetings: { meetings: MeetingOut[] };
}

export const PROGRAMME_FILES = {
  committees: 'committees.json',
  indicators: 'indicators.json',
  meetings: 'meetings.json',
} as const;

const byName = <T extends { name: string }>(items: readonly T[], what: string) => {
  const map = new Map(items.map((i) => [i.name, i]));
  return (name: string): T => {
    const hit = map.get(name);
    if (!hit) throw new Error(`programme: no ${what} named ${name}`);
    return hit;
  };
};

const sortIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** Community grids (the parents of the micro grids) a project touches, in id order. */
function communitiesOf(ctx: ProgrammeContext, project: Project): string[] {
  return sortIds(project.cells.flatMap((id) => ctx.byId.get(id)?.parent ?? []));
}

/** Volunteer hours and events whose day (as written) is in [from, to]: for targets near the data. */
export function activityTotals(ctx: ProgrammeContext, from: string, to: string) {
  let hours = 0;
  let events = 0;
  for (const e of ctx.activity.events) {
    const day = e.time.slice(0, 10);
    if (day < from || day > to) continue;
    hours += e.hours;
    events++;
  }
  return { hours, events };
}

export function buildProgramme(plan: ProgrammePlan, ctx: ProgrammeContext): ProgrammeDocs {
  const partner = byName(ctx.partners, 'partner');
  const project = byName(ctx.projects, 'project');
  const taken = new Set<string>();

  const professional = plan.professional.map((spec) => ({
    id: spec.id,
    kind: 'professional',
    status: 'founded',
    founded: spec.founded,
    lead: partner(spec.lead).id,
    members: ctx.partners.filter((p) => p.committee === spec.id).map((p) => p.id),
    focus: spec.focus,
    source: spec.source,
    generated: spec.generated,
  }));

  const areaBodies = plan.areaBodies.map((spec) => {
    let cells: string[];
    if ('projects' in spec.cover) {
      cells = sortIds(spec.cover.projects.flatMap((name) => communitiesOf(ctx, project(name))));
    } else if ('domain' in spec.cover) {
      const domain = spec.cover.domain;
      cells = sortIds(ctx.projects.filter((p) => p.domain === domain).flatMap((p) => communitiesOf(ctx, p)));
    } else {
      const near = spec.cover.near;
      cells = ctx.communities
        .nearest(near, spec.cover.communities * 3)
        .filter((c) => !taken.has(c.id))
        .slice(0, spec.cover.communities)
        .map((c) => c.id)
        .sort();
    }
    if (cells.length === 0) throw new Error(`programme: ${spec.name.zh} covers no cell`);
    for (const id of cells) taken.add(id);
    const centres = cells.map((id) => {
      const cell = ctx.byId.get(id);
      if (!cell) throw new Error(`programme: no cell ${id}`);
      return centroidOf(cell.shape);
    });
    const nearby = ctx.partners.filter((p) => centres.some((c) => distKm(c, p.pos) <= spec.memberRadiusKm));
    const lead = partner(spec.lead);
    const members = sortIds([lead.id, ...spec.members.map((n) => partner(n).id), ...nearby.map((p) => p.id)]);
    return {
      id: spec.id,
      kind: 'area',
      name: spec.name,
      status: spec.status,
      ...(spec.founded ? { founded: spec.founded } : {}),
      ...(spec.plannedFor ? { plannedFor: spec.plannedFor } : {}),
      lead: lead.id,
      members,
      cells,
      towns: sortIds(cells.map((id) => ctx.byId.get(id)?.town ?? '')),
      focus: spec.focus,
      ...(spec.source ? { source: spec.source } : {}),
      generated: spec.generated,
    };
  });

  const rng = ctx.rng.fork('meetings');
  const meetings = [...plan.meetings]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((spec, i) => {
      const projects = spec.projects.map(project);
      // Up to three of the community grids each project touches: a meeting is about a stretch, not a
      // whole river.
      const fromProjects = projects.flatMap((p) => rng.shuffle(communitiesOf(ctx, p)).slice(0, 3));
      const fromPlaces = (spec.at ?? []).flatMap((pos) => ctx.micros.only(pos)?.parent ?? []);
      const participants = sortIds([
        ...projects.map((p) => p.owner),
        ...spec.participants.map((n) => partner(n).id),
      ]);
      return {
        id: `MT${String(i + 1).padStart(2, '0')}`,
        date: spec.date,
        kind: spec.kind ?? { zh: '专题议事会', en: 'Deliberation meeting' },
        topic: spec.topic,
        ...(spec.committee ? { committee: spec.committee } : {}),
        cells: sortIds([...fromProjects, ...fromPlaces]),
        projects: projects.map((p) => p.id),
        participants,
        decisions: spec.decisions,
        ...(spec.place ? { place: spec.place } : {}),
        ...(spec.source ? { source: spec.source } : {}),
        generated: spec.generated,
      };
    });

  return {
    committees: { committees: [...professional, ...areaBodies] },
    indicators: plan.indicators(ctx),
    meetings: { meetings },
  };
}

/** The README section on the programme documents: counts read from the documents written. */
export function renderProgrammeSection(docs: ProgrammeDocs, article: string): string {
  const { committees } = docs.committees;
  const { meetings } = docs.meetings;
  const { categories, indicators } = docs.indicators;
  const count = <T>(items: readonly T[], test: (t: T) => boolean) => items.filter(test).length;
  const computed = count(indicators, (i) => i.compute !== undefined);
  const keys = [...new Set(indicators.flatMap((i) => (i.compute ? [i.compute.key] : [])))].sort();
  const perCategory = categories
    .map((c) => `${c.name.zh} (${c.name.en}) ${count(indicators, (i) => i.category === c.id)}`)
    .join(', ');
  return `## Programme documents
Named in \`region.json\` under \`programme\` (format in docs/region-pack.md, "Programme documents"). Facts
from the source article (${article}) carry it as \`source\`; anything invented is marked \`generated: true\`.
- **${PROGRAMME_FILES.committees}**: ${count(committees, (c) => c.kind === 'professional')} professional committees (members = the partners
  whose \`committee\` names them; district-wide, so no \`cells\`) and ${count(committees, (c) => c.kind === 'area')} area bodies
  (${count(committees, (c) => c.kind === 'area' && c.status === 'founded')} founded, ${count(committees, (c) => c.kind === 'area' && c.status === 'planned')} planned), each covering
  community grids: founded ones the grids their projects touch, planned ones the grids nearest a generated
  centre; members = the lead, named units and the partners near the covered grids.
- **${PROGRAMME_FILES.indicators}**: ${indicators.length} indicators in ${categories.length} categories (${perCategory});
  ${computed} are computed by the app from the pack (\`compute\`: ${keys.join(', ')}) and ${indicators.length - computed} are reported
  (hand-typed, with \`source\`); ${count(indicators, (i) => i.generated === true)} have generated parts (\`note\` says which). Status is derived
  (met ≥ 100 % of target, near ≥ 80 %, behind) unless a reported indicator gives its own.
- **${PROGRAMME_FILES.meetings}**: ${meetings.length} deliberation meetings, ${meetings[0]?.date ?? '-'} … ${meetings[meetings.length - 1]?.date ?? '-'}; each
  concerns up to three community grids of each project it discusses (or the grids at named places);
  participants are the projects' owners and named units.
`;
}
