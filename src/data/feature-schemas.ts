import { z } from 'zod';

/**
 * Property schemas per layer. Objects are loose: unknown extra properties are kept and shown in
 * detail panels (spec: "they never break loading").
 */
const id = z.string().min(1, 'must be a non-empty string');
const count = z.number().int('must be an integer').min(0, 'must be ≥ 0');
const optionalText = z.string().optional();

export const gridProps = z
  .object({
    id,
    level: z.string().min(1),
    parent: z.string().min(1).nullable(),
    name: z.string().min(1, 'must be a non-empty string'),
    code: optionalText,
    leader: optionalText,
    town: optionalText,
    population: count.optional(),
    households: count.optional(),
    partyMembers: count.optional(),
  })
  .loose();

export const adminProps = z.object({ id, name: z.string().min(1), code: optionalText }).loose();
export const boundaryProps = z.object({ id }).loose();

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

export const partnerProps = z
  .object({
    id,
    name: z.string().min(1),
    kind: z.enum(PARTNER_KINDS),
    committee: optionalText,
    cells: z.array(id).optional(),
  })
  .loose();

export const PROJECT_STATUSES = ['planned', 'active', 'done', 'delayed', 'suspended'] as const;

export const projectProps = z
  .object({
    id,
    name: z.string().min(1),
    domain: id,
    status: z.enum(PROJECT_STATUSES),
    progress: z.number().min(0).max(100),
    owner: optionalText,
    start: z.iso.date().optional(),
    due: z.iso.date().optional(),
    cells: z.array(id).optional(),
  })
  .loose();

export const serviceProps = z.object({ id, name: z.string().min(1), kind: z.string().min(1) }).loose();

/** ISO 8601 date-time with an offset or Z; seconds optional (many exports stop at minutes). */
const isoDateTimeWithOffset = z.union(
  [z.iso.datetime({ offset: true }), z.iso.datetime({ offset: true, precision: -1 })],
  { error: 'must be an ISO 8601 date-time with an offset, e.g. 2026-05-01T09:30+08:00' },
);

export const activityProps = z
  .object({
    id,
    time: isoDateTimeWithOffset,
    kind: z.string().min(1),
    volunteers: z.number().int('must be an integer').min(1, 'must be ≥ 1'),
    hours: z.number().min(0, 'must be ≥ 0'),
    cell: optionalText,
  })
  .loose();

export type GridProps = z.infer<typeof gridProps>;
export type AdminProps = z.infer<typeof adminProps>;
export type BoundaryProps = z.infer<typeof boundaryProps>;
export type PartnerProps = z.infer<typeof partnerProps>;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type ProjectProps = z.infer<typeof projectProps>;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type ServiceProps = z.infer<typeof serviceProps>;
export type ActivityProps = z.infer<typeof activityProps>;
