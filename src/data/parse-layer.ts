import type { Feature, Geometry } from 'geojson';
import { checkGeometry, type GeometryKind } from './geometry-rules.ts';
import { type Problem, ProblemList } from './problem.ts';
import type { z } from './zod.ts';

/** A feature whose properties passed their schema. */
export type TypedFeature<G extends Geometry, P extends { id: string }> = Feature<G, P>;

export interface ParsedLayer<G extends Geometry, P extends { id: string }> {
  features: TypedFeature<G, P>[];
  problems: Problem[];
  /**
   * Ids of features left out because of their own problems. References to them are not reported
   * again: one broken cell should not also make each of its children "miss" their parent.
   */
  rejectedIds: Set<string>;
}

function describeInput(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

export function parseJson(file: string, text: string): { value?: unknown; problem?: Problem } {
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { problem: { severity: 'error', file, rule: 'json', message: `not valid JSON (${reason})` } };
  }
}

/**
 * Turns untrusted GeoJSON text into features with typed properties, or problems naming the file, the
 * feature id and the rule. Features with problems are left out; the caller decides whether the pack is
 * still loadable (it is not if there is any error).
 */
export function parseLayer<G extends Geometry, S extends z.ZodMiniType<{ id: string }>>(
  file: string,
  text: string,
  propsSchema: S,
  geometryKinds: readonly GeometryKind[],
): ParsedLayer<G, z.infer<S>> {
  const log = new ProblemList(file);
  const problems = log.into;
  const features: TypedFeature<G, z.infer<S>>[] = [];
  const rejectedIds = new Set<string>();
  const report = (p: Omit<Problem, 'severity' | 'file'>) => log.add(p);

  const { value, problem } = parseJson(file, text);
  if (problem) return { features, problems: [problem], rejectedIds };
  const fc = value as { type?: unknown; features?: unknown };
  if (
    fc === null ||
    typeof fc !== 'object' ||
    fc.type !== 'FeatureCollection' ||
    !Array.isArray(fc.features)
  ) {
    report({
      rule: 'feature-collection',
      message: 'expected a GeoJSON FeatureCollection with a "features" array',
    });
    return { features, problems, rejectedIds };
  }

  const seen = new Set<string>();
  fc.features.forEach((raw: unknown, index: number) => {
    const f = raw as { type?: unknown; properties?: unknown; geometry?: unknown } | null;
    const rawProps = f && typeof f === 'object' ? f.properties : undefined;
    const rawId = rawProps && typeof rawProps === 'object' ? (rawProps as { id?: unknown }).id : undefined;
    const featureId = typeof rawId === 'string' && rawId !== '' ? rawId : `#${index}`;
    if (f === null || typeof f !== 'object' || f.type !== 'Feature') {
      report({ featureId, rule: 'feature', message: `feature ${index} is not a GeoJSON Feature` });
      return;
    }
    let ok = true;
    const parsed = propsSchema.safeParse(rawProps ?? {}, { reportInput: true });
    if (!parsed.success) {
      ok = false;
      for (const issue of parsed.error.issues) {
        const path = ['properties', ...issue.path.map(String)].join('.');
        const got = 'input' in issue ? ` (got ${describeInput(issue.input)})` : '';
        report({ featureId, rule: 'schema', message: `${path}: ${issue.message}${got}` });
      }
    }
    for (const g of checkGeometry(f.geometry, geometryKinds)) {
      ok = false;
      report({ featureId, rule: g.rule, message: g.message });
    }
    if (typeof rawId === 'string' && rawId !== '') {
      if (seen.has(rawId)) {
        ok = false;
        report({
          featureId,
          rule: 'id-duplicate',
          message: `id "${rawId}" is used by more than one feature`,
        });
      }
      seen.add(rawId);
    }
    if (ok && parsed.success) {
      features.push({ type: 'Feature', geometry: f.geometry as G, properties: parsed.data });
    } else if (typeof rawId === 'string') {
      rejectedIds.add(rawId);
    }
  });
  return { features, problems: log.close(), rejectedIds };
}
