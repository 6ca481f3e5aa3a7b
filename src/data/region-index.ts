import { z } from './zod.ts';

/** data/regions/index.json: the packs the app offers; the first is the default. */
export const regionIndexSchema = z
  .array(z.string().check(z.regex(/^[a-z0-9-]+$/)))
  .check(z.minLength(1, 'must list at least one pack'));

export function parseRegionIndex(text: string): { ids: string[] } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: 'index.json: not valid JSON' };
  }
  const parsed = regionIndexSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `index.json: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ids: parsed.data };
}
