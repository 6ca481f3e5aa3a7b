import { z } from 'zod';
import { RESPONSE_LEVELS } from '../../src/data/status-schema.ts';

/**
 * The faults the status server can inject, switched at runtime through /__control. Each stays on until
 * another is set (`none` switches them off), so a test can watch the app fail and then recover.
 */
export const FAULTS = [
  'none',
  /** HTTP 500 with a small JSON body. */
  'http500',
  /** The normal feed after `delay` ms. */
  'slow',
  /** Headers never come; the request stays open until the client gives up. */
  'timeout',
  /** A 200 whose JSON stops halfway (Content-Length matches what is sent). */
  'truncated',
  /** Valid JSON that breaks the schema (unknown response level and alert kind, progress as text). */
  'invalid-schema',
  /** An HTML error page, with `status` 200 or 502; `mislabelled` sends it as application/json. */
  'html',
  /** A body of `size` bytes, sent chunked without Content-Length, and never ended. */
  'oversized',
  /** Half the body, then the socket is destroyed. */
  'drop',
  /** A well-formed feed for another region. */
  'wrong-region',
  /** generatedAt one day ahead. */
  'future',
  /** generatedAt one hour before now, i.e. older than the feed the client already has. */
  'out-of-order',
] as const;
export type FaultName = (typeof FAULTS)[number];

export interface FaultState {
  name: FaultName;
  delayMs: number;
  htmlStatus: 200 | 502;
  mislabelled: boolean;
  sizeBytes: number;
}

export const DEFAULT_FAULT: FaultState = {
  name: 'none',
  delayMs: 3000,
  htmlStatus: 200,
  mislabelled: false,
  sizeBytes: 3 * 1024 * 1024,
};

const bool = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);

/**
 * One control request, from a JSON body (POST) or query parameters (GET); numbers may come as strings.
 * `fault=invalid_schema` is accepted for `invalid-schema`.
 */
export const controlSchema = z
  .object({
    fault: z
      .preprocess((v) => (typeof v === 'string' ? v.replaceAll('_', '-') : v), z.enum(FAULTS))
      .optional(),
    delay: z.coerce.number().int().min(0).max(600_000).optional(),
    status: z.coerce
      .number()
      .pipe(z.union([z.literal(200), z.literal(502)]))
      .optional(),
    mislabelled: bool.optional(),
    size: z.coerce
      .number()
      .int()
      .min(1)
      .max(64 * 1024 * 1024)
      .optional(),
    level: z.enum(RESPONSE_LEVELS).optional(),
    advance: z.coerce.number().int().min(1).max(100_000).optional(),
    resetCounters: bool.optional(),
  })
  .strict();
export type ControlRequest = z.infer<typeof controlSchema>;

/** A fault request replaces the whole fault state: parameters not given fall back to their defaults. */
export function nextFault(current: FaultState, request: ControlRequest): FaultState {
  if (request.fault === undefined) return current;
  return {
    name: request.fault,
    delayMs: request.delay ?? DEFAULT_FAULT.delayMs,
    htmlStatus: request.status ?? DEFAULT_FAULT.htmlStatus,
    mislabelled: request.mislabelled ?? DEFAULT_FAULT.mislabelled,
    sizeBytes: request.size ?? DEFAULT_FAULT.sizeBytes,
  };
}
