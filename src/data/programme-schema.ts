import { PROJECT_STATUSES } from './feature-schemas.ts';
import { localizedName } from './localized.ts';
import { z } from './zod.ts';

/**
 * Schemas of the programme documents a pack may add beside its layers (docs/region-pack.md,
 * "Programme documents"): the committees that run the programme, its target indicators and its
 * deliberation meetings. They are JSON documents, not GeoJSON: committees and meetings refer to grid
 * cells by id, so their places come from the grid. Items are parsed one by one (programme-parse.ts) so
 * that each problem names the item's id.
 */
const id = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, "_", "-" or "."'));
const refId = z.string().check(z.minLength(1, 'must be a non-empty string'));
/** A non-empty string, no message of our own. */
const nonEmpty = () => z.string().check(z.minLength(1));
const day = z.iso.date({ error: 'must be an ISO date, YYYY-MM-DD' });
const text = localizedName;

export const COMMITTEE_KINDS = ['professional', 'area'] as const;
export const COMMITTEE_STATUSES = ['founded', 'planned'] as const;

export const committeeSchema = z
  .looseObject({
    id,
    /** professional: one of the manifest's `committees` (专业委员会); area: an area body (片区融委会…). */
    kind: z.enum(COMMITTEE_KINDS),
    /** Required for area bodies; a professional committee takes its name from the manifest. */
    name: z.optional(text),
    status: z.enum(COMMITTEE_STATUSES),
    /** The day it was founded: required when founded, not allowed when planned. */
    founded: z.optional(day),
    /** The day a planned body is expected to be founded, if known. */
    plannedFor: z.optional(day),
    /** The convening unit (牵头单位), a partner id. */
    lead: z.optional(refId),
    members: z._default(z.array(refId), []),
    /** Grid cells it covers (any level). Absent or empty: the whole district. */
    cells: z._default(z.array(refId), []),
    /** Streets/towns involved (admin ids). */
    towns: z._default(z.array(refId), []),
    focus: z.optional(text),
    source: z.optional(nonEmpty()),
    generated: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.kind === 'area' && !c.name)
        ctx.addIssue({ code: 'custom', path: ['name'], message: 'an area body needs a name' });
      if (c.status === 'founded' && !c.founded)
        ctx.addIssue({
          code: 'custom',
          path: ['founded'],
          message: 'a founded committee needs its founding date',
        });
      if (c.status === 'planned' && c.founded)
        ctx.addIssue({
          code: 'custom',
          path: ['founded'],
          message: 'a planned committee has no founding date (use plannedFor)',
        });
    }),
  );

export const CATEGORY_SCHEMA = z.looseObject({ id, name: text });

/** Every computation the app can perform from a pack; `key` names it, the rest are its arguments. */
const period = { from: z.optional(day), to: z.optional(day) };
export const computeSchema = z.discriminatedUnion(
  'key',
  [
    /** Cells of one level. */
    z.strictObject({ key: z.literal('cell-count'), level: refId }),
    /** Service points (of one kind): the programme's function units and service stations. */
    z.strictObject({ key: z.literal('service-count'), kind: z.optional(refId) }),
    /** Partner units (of one kind, or of one professional committee). */
    z.strictObject({
      key: z.literal('partner-count'),
      kind: z.optional(refId),
      committee: z.optional(refId),
    }),
    /** Share (%) of the cells of a level paired (结对) with at least one partner, directly or below. */
    z.strictObject({ key: z.literal('partner-coverage'), level: refId }),
    /** Volunteer hours of the events whose calendar day (as written in `time`) is in [from, to]. */
    z.strictObject({ key: z.literal('volunteer-hours'), ...period }),
    /** Volunteer events, counted the same way. */
    z.strictObject({ key: z.literal('volunteer-events'), ...period }),
    /** Projects (of a domain, of a status). */
    z.strictObject({
      key: z.literal('project-count'),
      domain: z.optional(refId),
      status: z.optional(z.enum(PROJECT_STATUSES)),
    }),
    /** Committees of the committees document (of a kind, of a status). */
    z.strictObject({
      key: z.literal('committee-count'),
      kind: z.optional(z.enum(COMMITTEE_KINDS)),
      status: z.optional(z.enum(COMMITTEE_STATUSES)),
    }),
    /** Meetings of the meetings document held in [from, to]. */
    z.strictObject({ key: z.literal('meeting-count'), ...period }),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'unknown compute key' : undefined) },
);

export const INDICATOR_STATUSES = ['met', 'near', 'behind'] as const;

const trendPoint = z.strictObject({ period: nonEmpty(), value: z.number() });

export const indicatorSchema = z
  .looseObject({
    id,
    category: refId,
    name: text,
    /** `en` may be empty: counts have a Chinese measure word (个, 项) and none in English. */
    unit: z.optional(z.strictObject({ zh: nonEmpty(), en: z.optional(z.string()) })),
    target: z.number(),
    /** Whether a higher or a lower value is better (default higher). */
    better: z._default(z.enum(['higher', 'lower']), 'higher'),
    /** A hand-typed (reported) value; needs `source`. Not allowed with `compute`. */
    actual: z.optional(z.number()),
    source: z.optional(nonEmpty()),
    compute: z.optional(computeSchema),
    /** What the actual value covers, e.g. "2026". */
    period: z.optional(nonEmpty()),
    /** Earlier values, oldest first; or only the previous one. */
    trend: z._default(z.array(trendPoint), []),
    previous: z.optional(z.number()),
    /** Reported indicators only: a status given by the reporter; otherwise it is derived. */
    status: z.optional(z.enum(INDICATOR_STATUSES)),
    note: z.optional(text),
    generated: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((ind, ctx) => {
      if (ind.compute && ind.actual !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['actual'],
          message: 'a computed indicator takes its value from the pack: give either compute or actual',
        });
      if (!ind.compute && ind.actual === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['actual'],
          message: 'a reported indicator needs its actual value (or a compute key)',
        });
      if (!ind.compute && !ind.source)
        ctx.addIssue({ code: 'custom', path: ['source'], message: 'a reported value needs its source' });
      if (ind.compute && ind.status)
        ctx.addIssue({
          code: 'custom',
          path: ['status'],
          message: 'the status of a computed indicator is derived from its value',
        });
      if (ind.previous !== undefined && ind.trend.length > 0)
        ctx.addIssue({
          code: 'custom',
          path: ['previous'],
          message: 'give either trend or previous, not both',
        });
    }),
  );

export const meetingSchema = z.looseObject({
  id,
  date: day,
  topic: text,
  /** What kind of meeting, e.g. 专题议事会; shown as given. */
  kind: z.optional(text),
  /** The committee that held it (an id of the committees document). */
  committee: z.optional(refId),
  cells: z._default(z.array(refId), []),
  projects: z._default(z.array(refId), []),
  participants: z._default(z.array(refId), []),
  decisions: z._default(z.array(text), []),
  place: z.optional(nonEmpty()),
  source: z.optional(nonEmpty()),
  generated: z._default(z.boolean(), false),
});

export type Committee = z.infer<typeof committeeSchema>;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export type IndicatorCategory = z.infer<typeof CATEGORY_SCHEMA>;
export type Compute = z.infer<typeof computeSchema>;
export type ComputeKey = Compute['key'];
export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];
export type Meeting = z.infer<typeof meetingSchema>;

/** The programme documents of a pack, parsed; empty lists where the pack has no such document. */
export interface Programme {
  committees: Committee[];
  categories: IndicatorCategory[];
  indicators: Indicator[];
  /** Optional date the indicators describe (`asOf` of the document). */
  indicatorsAsOf: string | null;
  meetings: Meeting[];
}
