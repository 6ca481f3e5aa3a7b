import { z } from './zod.ts';

/**
 * Property schemas per layer. Objects are loose: unknown extra properties are kept and shown in
 * detail panels (spec: "they never break loading").
 */
const id = z.string().check(z.minLength(1, 'must be a non-empty string'));
const count = z.number().check(z.int('must be an integer'), z.minimum(0, 'must be ≥ 0'));
const optionalText = z.optional(z.string());
const nonEmpty = () => z.string().check(z.minLength(1));

export const gridProps = z.looseObject({
  id,
  level: nonEmpty(),
  parent: z.nullable(nonEmpty()),
  name: z.string().check(z.minLength(1, 'must be a non-empty string')),
  code: optionalText,
  leader: optionalText,
  town: optionalText,
  population: z.optional(count),
  households: z.optional(count),
  partyMembers: z.optional(count),
});

export const adminProps = z.looseObject({ id, name: nonEmpty(), code: optionalText });
export const boundaryProps = z.looseObject({ id });

export const PARTNER_KINDS = [
  'government',
  'state_enterprise',
  'enterprise',
  'university',
  'hospital',
  'school',
  'social_org',
  'community_org',
  'other',
] as const;

export const partnerProps = z.looseObject({
  id,
  name: nonEmpty(),
  kind: z.enum(PARTNER_KINDS),
  committee: optionalText,
  cells: z.optional(z.array(id)),
});

export const PROJECT_STATUSES = ['planned', 'active', 'done', 'delayed', 'suspended'] as const;

export const projectProps = z.looseObject({
  id,
  name: nonEmpty(),
  domain: id,
  status: z.enum(PROJECT_STATUSES),
  progress: z.number().check(z.minimum(0), z.maximum(100)),
  owner: optionalText,
  start: z.optional(z.iso.date()),
  due: z.optional(z.iso.date()),
  cells: z.optional(z.array(id)),
});

export const serviceProps = z.looseObject({ id, name: nonEmpty(), kind: nonEmpty() });

/** ISO 8601 date-time with an offset or Z; seconds optional (many exports stop at minutes). */
const isoDateTimeWithOffset = z.union(
  [z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })],
  { error: 'must be an ISO 8601 date-time with an offset, e.g. 2026-05-01T09:30+08:00' },
);

export const activityProps = z.looseObject({
  id,
  time: isoDateTimeWithOffset,
  kind: nonEmpty(),
  volunteers: z.number().check(z.int('must be an integer'), z.minimum(1, 'must be ≥ 1')),
  hours: z.number().check(z.minimum(0, 'must be ≥ 0')),
  cell: optionalText,
});

export type GridProps = z.infer<typeof gridProps>;
export type AdminProps = z.infer<typeof adminProps>;
export type BoundaryProps = z.infer<typeof boundaryProps>;
export type PartnerProps = z.infer<typeof partnerProps>;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type ProjectProps = z.infer<typeof projectProps>;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ServiceProps = z.infer<typeof serviceProps>;
export type ActivityProps = z.infer<typeof activityProps>;
