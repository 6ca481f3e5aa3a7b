import { type Lang, type LocalizedName, pickName } from '../data/localized.ts';
import type { PackIndex } from '../data/pack-index/pack-index.ts';
import { committeeName } from '../data/programme-names.ts';
import type { CommitteeKind, Compute } from '../data/programme-schema.ts';
import type { RegionPack } from '../data/region-pack.ts';
import { isStringKey, type StringKey, translate } from '../i18n/strings.ts';

/**
 * What the programme panel and the cell panel show of the committees and meetings, as plain data built
 * from the pack (tested in node, rendered by React). Names are resolved here; ids that do not resolve
 * cannot occur, since the loader refuses such packs.
 */

export interface Named {
  id: string;
  name: string;
}

export interface MemberModel extends Named {
  kind: string;
  /** Cells the unit is paired with (结对). */
  paired: Named[];
  /** The finest cell its point lies in; null when outside every cell (e.g. across the boundary). */
  locatedIn: Named | null;
}

export interface CommitteeModel extends Named {
  kind: CommitteeKind;
  status: 'founded' | 'planned';
  /** The founding day, or the day a planned body is due (null when unknown). */
  date: string | null;
  lead: Named | null;
  members: MemberModel[];
  /** Covered cells; empty = the whole district. */
  cells: (Named & { levelName: string })[];
  towns: string[];
  focus: string | null;
  source: string | null;
  generated: boolean;
  meetings: { id: string; date: string; topic: string }[];
}

export interface MeetingModel {
  id: string;
  date: string;
  year: string;
  kind: string | null;
  topic: string;
  committee: Named | null;
  cells: Named[];
  projects: (Named & { status: string })[];
  participants: Named[];
  decisions: string[];
  place: string | null;
  source: string | null;
  generated: boolean;
}

const text = (name: LocalizedName | undefined, lang: Lang) => (name ? pickName(name, lang) : null);

function cellNamed(pack: RegionPack, id: string): Named {
  return { id, name: pack.grid.byId.get(id)?.properties.name ?? id };
}

/** Committees in the document's order: professional committees first, then area bodies. */
export function buildCommitteeModels(pack: RegionPack, index: PackIndex, lang: Lang): CommitteeModel[] {
  const partners = new Map(pack.partners.map((p) => [p.properties.id, p.properties]));
  const levelName = (level: string) => {
    const def = pack.manifest.levels.find((l) => l.id === level);
    return def ? pickName(def.name, lang) : level;
  };
  const towns = new Map(pack.admin.map((a) => [a.properties.id, a.properties.name]));
  const named = (id: string): Named => ({ id, name: partners.get(id)?.name ?? id });
  const member = (id: string): MemberModel => {
    const p = partners.get(id);
    const leaf = index.links.partnerLeaf.get(id) ?? null;
    return {
      ...named(id),
      kind: p?.kind ?? 'other',
      paired: (p?.cells ?? []).map((c) => cellNamed(pack, c)),
      locatedIn: leaf ? cellNamed(pack, leaf) : null,
    };
  };
  const kindOrder: Record<CommitteeKind, number> = { professional: 0, area: 1 };
  return pack.programme.committees
    .map((c, order) => ({ c, order }))
    .sort((a, b) => kindOrder[a.c.kind] - kindOrder[b.c.kind] || a.order - b.order)
    .map(({ c }) => {
      // A professional committee's members include every partner that names it (docs/region-pack.md).
      const memberIds = new Set(c.members);
      if (c.kind === 'professional')
        for (const p of pack.partners) if (p.properties.committee === c.id) memberIds.add(p.properties.id);
      return {
        id: c.id,
        name: committeeName(pack, c, lang),
        kind: c.kind,
        status: c.status,
        date: c.founded ?? c.plannedFor ?? null,
        lead: c.lead ? named(c.lead) : null,
        members: [...memberIds]
          .map(member)
          .sort(
            (a, b) =>
              Number(b.id === c.lead) - Number(a.id === c.lead) || a.name.localeCompare(b.name, 'zh-CN'),
          ),
        cells: c.cells.map((id) => ({
          ...cellNamed(pack, id),
          levelName: levelName(pack.grid.byId.get(id)?.properties.level ?? ''),
        })),
        towns: c.towns.map((id) => towns.get(id) ?? id),
        focus: text(c.focus, lang),
        source: c.source ?? null,
        generated: c.generated,
        meetings: pack.programme.meetings
          .filter((m) => m.committee === c.id)
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((m) => ({ id: m.id, date: m.date, topic: pickName(m.topic, lang) })),
      };
    });
}

/** Meetings, oldest first (ties in document order). */
export function buildMeetingModels(pack: RegionPack, lang: Lang): MeetingModel[] {
  const partners = new Map(pack.partners.map((p) => [p.properties.id, p.properties.name]));
  const projects = new Map(pack.projects.map((p) => [p.properties.id, p.properties]));
  const committees = new Map(pack.programme.committees.map((c) => [c.id, c]));
  return pack.programme.meetings
    .map((m, order) => ({ m, order }))
    .sort((a, b) => a.m.date.localeCompare(b.m.date) || a.order - b.order)
    .map(({ m }) => {
      const committee = m.committee ? committees.get(m.committee) : undefined;
      return {
        id: m.id,
        date: m.date,
        year: m.date.slice(0, 4),
        kind: text(m.kind, lang),
        topic: pickName(m.topic, lang),
        committee: committee ? { id: committee.id, name: committeeName(pack, committee, lang) } : null,
        cells: m.cells.map((id) => cellNamed(pack, id)),
        projects: m.projects.map((id) => ({
          id,
          name: projects.get(id)?.name ?? id,
          status: projects.get(id)?.status ?? 'planned',
        })),
        participants: m.participants.map((id) => ({ id, name: partners.get(id) ?? id })),
        decisions: m.decisions.map((d) => pickName(d, lang)),
        place: m.place ?? null,
        source: m.source ?? null,
        generated: m.generated,
      };
    });
}

/** A plain sentence saying what a computed indicator counts, in the interface language. */
export function describeCompute(pack: RegionPack, compute: Compute, lang: Lang): string {
  const tr = (key: StringKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const known = (key: string) => (isStringKey(key) ? tr(key) : null);
  const level = (id: string) => {
    const def = pack.manifest.levels.find((l) => l.id === id);
    return def ? pickName(def.name, lang) : id;
  };
  const named = (list: readonly { id: string; name: LocalizedName }[], id: string) => {
    const hit = list.find((x) => x.id === id);
    return hit ? pickName(hit.name, lang) : id;
  };
  const period = (from?: string, to?: string) =>
    from || to ? ` (${tr('computePeriod', { from: from ?? '…', to: to ?? '…' })})` : '';
  const filtered = (base: StringKey, filteredKey: StringKey, parts: (string | null)[]) => {
    const shown = parts.filter((p): p is string => p !== null);
    return shown.length === 0
      ? tr(base)
      : tr(filteredKey, { filter: shown.join(lang === 'zh' ? '，' : ', ') });
  };
  switch (compute.key) {
    case 'cell-count':
      return tr('compute_cell_count', { level: level(compute.level) });
    case 'service-count':
      return compute.kind === undefined
        ? tr('compute_service_count')
        : tr('compute_service_count_kind', { kind: known(`service_${compute.kind}`) ?? compute.kind });
    case 'partner-count':
      return filtered('compute_partner_count', 'compute_partner_count_filtered', [
        compute.kind === undefined ? null : (known(`kind_${compute.kind}`) ?? compute.kind),
        compute.committee === undefined ? null : named(pack.manifest.committees, compute.committee),
      ]);
    case 'partner-coverage':
      return tr('compute_partner_coverage', { level: level(compute.level) });
    case 'volunteer-hours':
      return tr('compute_volunteer_hours') + period(compute.from, compute.to);
    case 'volunteer-events':
      return tr('compute_volunteer_events') + period(compute.from, compute.to);
    case 'project-count':
      return filtered('compute_project_count', 'compute_project_count_filtered', [
        compute.domain === undefined ? null : named(pack.manifest.domains, compute.domain),
        compute.status === undefined ? null : tr(`status_${compute.status}` as StringKey),
      ]);
    case 'committee-count':
      return filtered('compute_committee_count', 'compute_committee_count_filtered', [
        compute.kind === undefined ? null : tr(`committeeKind_${compute.kind}` as StringKey),
        compute.status === undefined
          ? null
          : tr(compute.status === 'founded' ? 'committeeFoundedShort' : 'committeePlanned'),
      ]);
    case 'meeting-count':
      return tr('compute_meeting_count') + period(compute.from, compute.to);
  }
}
