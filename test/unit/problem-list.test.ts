/** The capped problem list every parser of large files uses (src/data/problem.ts). */
import { describe, expect, it } from 'vitest';
import { encodeGridIndex, parseGridIndex } from '../../src/data/grid-index-file.ts';
import { MAX_PROBLEMS_LISTED, type Problem, ProblemList } from '../../src/data/problem.ts';

describe('ProblemList', () => {
  it('lists the first problems, then one line counting the rest', () => {
    const log = new ProblemList('grids.geojson');
    for (let i = 0; i < MAX_PROBLEMS_LISTED + 50; i++) log.add({ rule: 'schema', message: `bad ${i}` });
    const problems = log.close();
    expect(problems).toHaveLength(MAX_PROBLEMS_LISTED + 1);
    expect(problems[0]).toEqual({
      severity: 'error',
      file: 'grids.geojson',
      rule: 'schema',
      message: 'bad 0',
    });
    expect(problems.at(-1)).toEqual({
      severity: 'error',
      file: 'grids.geojson',
      rule: 'too-many-problems',
      message: `50 more problems not listed (first ${MAX_PROBLEMS_LISTED} shown)`,
    });
  });

  it('caps each list on its own when two lists of a document share one array', () => {
    const shared: Problem[] = [];
    const a = new ProblemList('meetings.json', shared);
    const b = new ProblemList('meetings.json', shared);
    for (let i = 0; i < MAX_PROBLEMS_LISTED + 1; i++) a.add({ rule: 'schema', message: 'a' });
    b.add({ rule: 'schema', message: 'b' });
    a.close();
    b.close();
    expect(shared.filter((p) => p.message === 'b')).toHaveLength(1);
    expect(shared.filter((p) => p.rule === 'too-many-problems')).toHaveLength(1);
  });

  it('caps a broken attribute index of many cells', () => {
    const n = MAX_PROBLEMS_LISTED + 10;
    const cells = Array.from({ length: n }, (_, i) => ({
      properties: { id: `A${i}`, level: 'area', parent: null, name: `片区${i}` },
      bbox: [121, 31, 121.01, 31.01] as [number, number, number, number],
    }));
    const file = encodeGridIndex(['area'], cells);
    file.cells.bbox = file.cells.bbox.map((v, i) => (i % 4 === 0 ? 200 : v));
    const { problems } = parseGridIndex('grid-index.json', file, ['area']);
    expect(problems).toHaveLength(MAX_PROBLEMS_LISTED + 1);
    expect(problems.at(-1)?.message).toBe(`10 more problems not listed (first ${MAX_PROBLEMS_LISTED} shown)`);
  });
});
