import { activityProps, PROJECT_STATUSES } from './feature-schemas.ts';
import { z } from './zod.ts';

/**
 * The live status feed (docs/status-feed.md): one JSON document the app polls while it runs. It is
 * parsed here, at the boundary, into plain JSON values (ISO strings, not Dates) so that react-query's
 * structural sharing keeps unchanged parts of the feed as the same objects from one poll to the next.
 */
export const STATUS_FORMAT = 'gridatlas.status/1';

/** The alert kinds raised by the district's "digital vital signs" platform, plus a free kind. */
export const ALERT_KINDS = [
  'traffic_congestion',
  'illegal_construction',
  'blocked_fire_lane',
  'waterlogging',
  'camera_watch',
  'other',
] as const;

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;

/** 平时 / 急时 / 战时. */
export const RESPONSE_LEVELS = ['normal', 'urgent', 'emergency'] as const;

const oneOf = (values: readonly string[]) => `must be one of ${values.join(', ')}`;

const id = z
  .string()
  .check(z.minLength(1, 'must be a non-empty string'), z.maxLength(100, 'must be at most 100 characters'));
const count = z.number().check(z.int('must be an integer'), z.minimum(0, 'must be ≥ 0'));
/** Same rule as the pack's activity times: ISO 8601 with an offset or Z. */
const isoDateTime = activityProps.shape.time;
const text = z
  .string()
  .check(z.minLength(1, 'must be a non-empty string'), z.maxLength(500, 'must be at most 500 characters'));

export const projectUpdateSchema = z
  .object({
    id,
    status: z.optional(z.enum(PROJECT_STATUSES, { error: oneOf(PROJECT_STATUSES) })),
    progress: z.optional(z.number().check(z.minimum(0, 'must be ≥ 0'), z.maximum(100, 'must be ≤ 100'))),
    note: z.optional(text),
  })
  .check(
    z.refine((p) => p.status !== undefined || p.progress !== undefined, {
      message: 'must carry status or progress',
    }),
  );

export const alertSchema = z
  .object({
    id,
    cell: id,
    kind: z.enum(ALERT_KINDS, { error: oneOf(ALERT_KINDS) }),
    /** What happened, in the reporter's words; required for kind "other". Shown as text, never as HTML. */
    text: z.optional(text),
    severity: z.enum(ALERT_SEVERITIES, { error: oneOf(ALERT_SEVERITIES) }),
    openedAt: isoDateTime,
    closedAt: z.optional(isoDateTime),
  })
  .check(
    z.superRefine((a, ctx) => {
      if (a.kind === 'other' && a.text === undefined) {
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'is required when kind is "other"' });
      }
      if (a.closedAt !== undefined && Date.parse(a.closedAt) < Date.parse(a.openedAt)) {
        ctx.addIssue({
          code: 'custom',
          path: ['closedAt'],
          message: 'must not be before openedAt',
          input: a.closedAt,
        });
      }
    }),
  );

export const onDutySchema = z.object({
  /** An admin unit (street/town) id or a grid cell id of the pack. */
  unit: id,
  staff: count,
  volunteers: count,
  /** 党员突击队 */
  commandoTeams: count,
  /** 临时党组织 */
  tempPartyOrgs: count,
});

/** An activity event: the pack's activity feature properties with its point flattened to lon/lat. */
export const activityEventSchema = z.object({
  ...activityProps.shape,
  lon: z
    .number()
    .check(z.minimum(-180, 'must be within −180…180'), z.maximum(180, 'must be within −180…180')),
  lat: z.number().check(z.minimum(-90, 'must be within −90…90'), z.maximum(90, 'must be within −90…90')),
});

/** Every list's items must have distinct ids: a duplicate means a broken producer, not a choice. */
function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (list: T[], ctx: z.core.$RefinementCtx<T[]>) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) {
        ctx.addIssue({ code: 'custom', path: [index], message: `${what} is used twice`, input: k });
      }
      seen.add(k);
    });
  };
}

export const statusFeedSchema = z.object({
  format: z.literal(STATUS_FORMAT, { error: `must be "${STATUS_FORMAT}"` }),
  /** The region pack id the feed is for. */
  region: z.string().check(z.regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+')),
  generatedAt: isoDateTime,
  responseLevel: z.enum(RESPONSE_LEVELS, { error: oneOf(RESPONSE_LEVELS) }),
  /** Optional: since when the current response level is in force (a wall screen says "since …"). */
  responseLevelSince: z.optional(isoDateTime),
  /** Optional: why, in the district's words (e.g. "台风防御Ⅱ级响应"). Shown as text, never as HTML. */
  responseNote: z.optional(text),
  projects: z
    ._default(z.array(projectUpdateSchema), [])
    .check(z.superRefine(uniqueBy((p) => p.id, 'project id'))),
  alerts: z._default(z.array(alertSchema), []).check(z.superRefine(uniqueBy((a) => a.id, 'alert id'))),
  onDuty: z._default(z.array(onDutySchema), []).check(z.superRefine(uniqueBy((d) => d.unit, 'unit'))),
  activity: z
    ._default(z.array(activityEventSchema), [])
    .check(z.superRefine(uniqueBy((e) => e.id, 'event id'))),
});

export type StatusFeed = z.infer<typeof statusFeedSchema>;
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;
export type StatusAlert = z.infer<typeof alertSchema>;
export type AlertKind = (typeof ALERT_KINDS)[number];
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type ResponseLevel = (typeof RESPONSE_LEVELS)[number];
export type OnDuty = z.infer<typeof onDutySchema>;
export type OnDutyCounts = Omit<OnDuty, 'unit'>;
export type ActivityEvent = z.infer<typeof activityEventSchema>;
