import { parseJson } from './parse-layer.ts';
import { type Problem, ProblemList } from './problem.ts';
import type { z } from './zod.ts';

export interface ParsedList<T> {
  items: T[];
  /** Ids of items left out for their own problems: references to them are not reported again. */
  rejectedIds: Set<string>;
}

export interface ParsedDocument {
  /** The document's top-level object, or null when it is not one (a problem says why). */
  root: Record<string, unknown> | null;
  problems: Problem[];
}

/** Reads a programme document: valid JSON whose top level is an object. */
export function parseDocument(file: string, text: string): ParsedDocument {
  const { value, problem } = parseJson(file, text);
  if (problem) return { root: null, problems: [problem] };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      root: null,
      problems: [{ severity: 'error', file, rule: 'document', message: 'expected a JSON object at the top' }],
    };
  }
  return { root: value as Record<string, unknown>, problems: [] };
}

function describeInput(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/**
 * Parses `root[key]`, a list of items with string ids, item by item: each schema problem names the
 * item's id (or `#index` when it has none) and the path inside it, e.g.
 * `indicators.json: N03: indicators[2].target: expected number (got "nine") [schema]`.
 * A missing list is an empty one when `required` is false.
 */
export function parseList<S extends z.ZodMiniType<{ id: string }>>(
  file: string,
  root: Record<string, unknown>,
  key: string,
  schema: S,
  problems: Problem[],
  required = false,
): ParsedList<z.infer<S>> {
  const items: z.infer<S>[] = [];
  const rejectedIds = new Set<string>();
  const raw = root[key];
  const log = new ProblemList(file, problems);
  const report = (p: Omit<Problem, 'severity' | 'file'>) => log.add(p);
  if (raw === undefined && !required) return { items, rejectedIds };
  if (!Array.isArray(raw)) {
    report({ rule: 'document', message: `"${key}" must be a list` });
    return { items, rejectedIds };
  }
  const seen = new Set<string>();
  raw.forEach((item: unknown, index: number) => {
    const rawId = item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
    const featureId = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index}`;
    const parsed = schema.safeParse(item, { reportInput: true });
    let ok = parsed.success;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
        const got = 'input' in issue && issue.code !== 'custom' ? ` (got ${describeInput(issue.input)})` : '';
        report({ featureId, rule: 'schema', message: `${key}[${index}]${path}: ${issue.message}${got}` });
      }
    }
    if (typeof rawId === 'string' && rawId !== '') {
      if (seen.has(rawId)) {
        ok = false;
        report({ featureId, rule: 'id-duplicate', message: `id "${rawId}" is used by more than one item` });
      }
      seen.add(rawId);
    }
    if (ok && parsed.success) items.push(parsed.data);
    else if (typeof rawId === 'string') rejectedIds.add(rawId);
  });
  log.close();
  return { items, rejectedIds };
}
