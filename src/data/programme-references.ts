import type { Manifest } from './manifest-schema.ts';
import type { Problem } from './problem.ts';
import type { Compute, Programme } from './programme-schema.ts';

export interface ProgrammeFiles {
  committees?: string;
  indicators?: string;
  meetings?: string;
}

/** What the programme documents may refer to, with the ids rejected earlier (not reported twice). */
export interface ProgrammeReferenceInput {
  manifest: Manifest;
  files: ProgrammeFiles;
  programme: Programme;
  cellIds: ReadonlySet<string>;
  partnerIds: ReadonlySet<string>;
  projectIds: ReadonlySet<string>;
  /** Null when the pack has no admin layer. */
  townIds: ReadonlySet<string> | null;
  /** Which optional layers the pack has (a computation over a missing layer is an error). */
  layers: { partners: boolean; projects: boolean; services: boolean; activity: boolean };
  rejected: ReadonlySet<string>;
  /** Documents that could not be read: references into them were reported with the document. */
  unreadable?: ReadonlySet<keyof ProgrammeFiles>;
}

const error = (file: string, featureId: string, rule: string, message: string): Problem => ({
  severity: 'error',
  file,
  featureId,
  rule,
  message,
});

/**
 * Checks that every id a programme document names resolves: committee members and cells, indicator
 * categories and computation arguments, meeting cells, projects and participants. One problem per
 * broken reference, naming the document, the item and the rule.
 */
export function checkProgrammeReferences(input: ProgrammeReferenceInput): Problem[] {
  const { manifest, files, programme, rejected } = input;
  const problems: Problem[] = [];
  const resolve = (
    file: string,
    item: string,
    list: readonly string[],
    known: ReadonlySet<string>,
    rule: string,
    what: string,
    where: string,
  ) => {
    for (const ref of list) {
      if (!known.has(ref) && !rejected.has(ref))
        problems.push(error(file, item, rule, `${what} "${ref}" does not exist ${where}`));
    }
  };
  const professional = new Set(manifest.committees.map((c) => c.id));
  const partnersWhere = manifest.layers.partners
    ? `in ${manifest.layers.partners}`
    : '(the pack has no partners)';
  const gridsWhere = `in ${manifest.layers.grids}`;

  const cf = files.committees ?? 'committees';
  for (const c of programme.committees) {
    if (c.kind === 'professional' && !professional.has(c.id)) {
      problems.push(
        error(
          cf,
          c.id,
          'ref-committee',
          `a professional committee must be declared in region.json committees (${[...professional].join(', ') || 'none declared'})`,
        ),
      );
    }
    resolve(cf, c.id, c.lead ? [c.lead] : [], input.partnerIds, 'ref-partner', 'lead unit', partnersWhere);
    resolve(cf, c.id, c.members, input.partnerIds, 'ref-partner', 'member', partnersWhere);
    resolve(cf, c.id, c.cells, input.cellIds, 'ref-cell', 'cell', gridsWhere);
    if (c.towns.length > 0 && input.townIds === null)
      problems.push(error(cf, c.id, 'ref-town', 'names towns, but the pack has no admin layer'));
    else if (input.townIds)
      resolve(cf, c.id, c.towns, input.townIds, 'ref-town', 'town', `in ${manifest.layers.admin}`);
  }

  const inf = files.indicators ?? 'indicators';
  const categories = new Set(programme.categories.map((c) => c.id));
  const levels = new Set(manifest.levels.map((l) => l.id));
  const domains = new Set(manifest.domains.map((d) => d.id));
  for (const ind of programme.indicators) {
    if (!categories.has(ind.category) && !rejected.has(ind.category)) {
      problems.push(
        error(
          inf,
          ind.id,
          'ref-category',
          `category "${ind.category}" is not one of the document's categories`,
        ),
      );
    }
    if (ind.compute) problems.push(...checkCompute(inf, ind.id, ind.compute, { ...input, levels, domains }));
  }

  const mf = files.meetings ?? 'meetings';
  const committeeIds = new Set(programme.committees.map((c) => c.id));
  for (const m of programme.meetings) {
    const committeesUnknown = input.unreadable?.has('committees') ?? false;
    if (
      m.committee !== undefined &&
      !committeesUnknown &&
      !committeeIds.has(m.committee) &&
      !rejected.has(m.committee)
    ) {
      problems.push(
        error(
          mf,
          m.id,
          'ref-committee',
          `committee "${m.committee}" is not in ${files.committees ?? 'a committees document (the pack has none)'}`,
        ),
      );
    }
    resolve(mf, m.id, m.cells, input.cellIds, 'ref-cell', 'cell', gridsWhere);
    resolve(
      mf,
      m.id,
      m.projects,
      input.projectIds,
      'ref-project',
      'project',
      manifest.layers.projects ? `in ${manifest.layers.projects}` : '(the pack has no projects)',
    );
    resolve(mf, m.id, m.participants, input.partnerIds, 'ref-partner', 'participant', partnersWhere);
  }
  return problems;
}

function checkCompute(
  file: string,
  id: string,
  compute: Compute,
  input: ProgrammeReferenceInput & { levels: ReadonlySet<string>; domains: ReadonlySet<string> },
): Problem[] {
  const out: Problem[] = [];
  const needs = (present: boolean, what: string) => {
    if (!present)
      out.push(
        error(
          file,
          id,
          'compute-source',
          `compute "${compute.key}" counts ${what}, which the pack does not have`,
        ),
      );
  };
  const { layers, files } = input;
  switch (compute.key) {
    case 'cell-count':
    case 'partner-coverage':
      if (!input.levels.has(compute.level))
        out.push(
          error(
            file,
            id,
            'ref-level',
            `compute level "${compute.level}" is not one of the manifest's levels`,
          ),
        );
      if (compute.key === 'partner-coverage') needs(layers.partners, 'partners');
      break;
    case 'service-count':
      needs(layers.services, 'services');
      break;
    case 'partner-count':
      needs(layers.partners, 'partners');
      if (
        compute.committee !== undefined &&
        !input.manifest.committees.some((c) => c.id === compute.committee)
      )
        out.push(
          error(
            file,
            id,
            'ref-committee',
            `compute committee "${compute.committee}" is not declared in region.json committees`,
          ),
        );
      break;
    case 'volunteer-hours':
    case 'volunteer-events':
      needs(layers.activity, 'volunteer activity');
      break;
    case 'project-count':
      needs(layers.projects, 'projects');
      if (compute.domain !== undefined && !input.domains.has(compute.domain))
        out.push(
          error(
            file,
            id,
            'ref-domain',
            `compute domain "${compute.domain}" is not declared in region.json domains`,
          ),
        );
      break;
    case 'committee-count':
      needs(files.committees !== undefined, 'committees (no committees document)');
      break;
    case 'meeting-count':
      needs(files.meetings !== undefined, 'meetings (no meetings document)');
      break;
  }
  if ('from' in compute && compute.from && compute.to && compute.from > compute.to)
    out.push(error(file, id, 'schema', `compute period: from ${compute.from} is after to ${compute.to}`));
  return out;
}
