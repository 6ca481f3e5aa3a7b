import { z } from 'zod';
import { PROJECT_STATUSES } from './feature-schemas.ts';
import { localizedName } from './localized.ts';

/**
 * Schemas of the programme documents a pack may add beside its layers (docs/region-pack.md,
 * "Programme documents"): the committees that run the programme, its target indicators and its
 * deliberation meetings. They are JSON documents, not GeoJSON: committees and meetings refer to grid
 * cells by id, so their places come from the grid. Items are parsed one by one (programme-parse.ts) so
 * that each problem names the item's id.
 */
const id = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1–64 letters, digits, "_", "-" or "."');
const refId = z.string().min(1, 'must be a non-empty string');
const day = z.iso.date({ error: 'must be an ISO date, YYYY-MM-DD' });
const text = localizedName;

export const COMMITTEE_KINDS = ['professional', 'area'] as const;
export const COMMITTEE_STATUSES = ['founded', 'planned'] as const;

export const committeeSchema = z
  .object({
    id,
    /** professional: one of the manifest's `committees` (专业委员会); area: an area body (片区融委会…). */
    kind: z.enum(COMMITTEE_KINDS),
    /** Required for area bodies; a professional committee takes its name from the manifest. */
    name: text.optional(),
    status: z.enum(COMMITTEE_STATUSES),
    /** The day it was founded: required when founded, not allowed when planned. */
    founded: day.optional(),
    /** The day a planned body is expected to be founded, if known. */
    plannedFor: day.optional(),
    /** The convening unit (牵头单位), a partner id. */
    lead: refId.optional(),
    members: z.array(refId).default([]),
    /** Grid cells it covers (any level). Absent or empty: the whole district. */
    cells: z.array(refId).default([]),
    /** Streets/towns involved (admin ids). */
    towns: z.array(refId).default([]),
    focus: text.optional(),
    source: z.string().min(1).optional(),
    generated: z.boolean().default(false),
  })
  .loose()
  .superRefine((c, ctx) => {
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
  });

export const CATEGORY_SCHEMA = z.object({ id, name: text }).loose();

/** Every computation the app can perform from a pack; `key` names it, the rest are its arguments. */
const period = { from: day.optional(), to: day.optional() };
export const computeSchema = z.discriminatedUnion(
  'key',
  [
    /** Cells of one level. */
    z.object({ key: z.literal('cell-count'), level: refId }).strict(),
    /** Service points (of one kind): the programme's function units and service stations. */
    z.object({ key: z.literal('service-count'), kind: refId.optional() }).strict(),
    /** Partner units (of one kind, or of one professional committee). */
    z
      .object({ key: z.literal('partner-count'), kind: refId.optional(), committee: refId.optional() })
      .strict(),
    /** Share (%) of the cells of a level paired (结对) with at least one partner, directly or below. */
    z.object({ key: z.literal('partner-coverage'), level: refId }).strict(),
    /** Volunteer hours of the events whose calendar day (as written in `time`) is in [from, to]. */
    z.object({ key: z.literal('volunteer-hours'), ...period }).strict(),
    /** Volunteer events, counted the same way. */
    z.object({ key: z.literal('volunteer-events'), ...period }).strict(),
    /** Projects (of a domain, of a status). */
    z
      .object({
        key: z.literal('project-count'),
        domain: refId.optional(),
        status: z.enum(PROJECT_STATUSES).optional(),
      })
      .strict(),
    /** Committees of the committees document (of a kind, of a status). */
    z
      .object({
        key: z.literal('committee-count'),
        kind: z.enum(COMMITTEE_KINDS).optional(),
        status: z.enum(COMMITTEE_STATUSES).optional(),
      })
      .strict(),
    /** Meetings of the meetings document held in [from, to]. */
    z.object({ key: z.literal('meeting-count'), ...period }).strict(),
  ],
  { error: (issue) => (issue.code === 'invalid_union' ? 'unknown compute key' : undefined) },
);

export const INDICATOR_STATUSES = ['met', 'near', 'behind'] as const;

const trendPoint = z.object({ period: z.string().min(1), value: z.number() }).strict();

export const indicatorSchema = z
  .object({
    id,
    category: refId,
    name: text,
    /** `en` may be empty: counts have a Chinese measure word (个, 项) and none in English. */
    unit: z
      .object({ zh: z.string().min(1), en: z.string().optional() })
      .strict()
      .optional(),
    target: z.number(),
    /** Whether a higher or a lower value is better (default higher). */
    better: z.enum(['higher', 'lower']).default('higher'),
    /** A hand-typed (reported) value; needs `source`. Not allowed with `compute`. */
    actual: z.number().optional(),
    source: z.string().min(1).optional(),
    compute: computeSchema.optional(),
    /** What the actual value covers, e.g. "2026". */
    period: z.string().min(1).optional(),
    /** Earlier values, oldest first; or only the previous one. */
    trend: z.array(trendPoint).default([]),
    previous: z.number().optional(),
    /** Reported indicators only: a status given by the reporter; otherwise it is derived. */
    status: z.enum(INDICATOR_STATUSES).optional(),
    note: text.optional(),
    generated: z.boolean().default(false),
  })
  .loose()
  .superRefine((ind, ctx) => {
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
  });

export const meetingSchema = z
  .object({
    id,
    date: day,
    topic: text,
    /** What kind of meeting, e.g. 专题议事会; shown as given. */
    kind: text.optional(),
    /** The committee that held it (an id of the committees document). */
    committee: refId.optional(),
    cells: z.array(refId).default([]),
    projects: z.array(refId).default([]),
    participants: z.array(refId).default([]),
    decisions: z.array(text).default([]),
    place: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    generated: z.boolean().default(false),
  })
  .loose();

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
