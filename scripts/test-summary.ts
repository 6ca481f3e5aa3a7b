/**
 * Prints "N passed, N failed" from vitest's JSON report (CI reads this line, not vitest's own summary).
 * Exit 1 when the report is missing, unreadable, or has failures.
 */
import { readFileSync } from 'node:fs';

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { name: string; status: string; message?: string; assertionResults?: unknown[] }[];
}

const file = process.argv[2] ?? 'test-results/vitest.json';
let report: VitestJson;
try {
  report = JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
} catch (err) {
  console.log('0 passed, 1 failed');
  console.error(`cannot read the test report ${file}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
// A file that failed to load (syntax error, failed setup) has no test results but must count as a failure.
const brokenFiles = (report.testResults ?? []).filter(
  (f) => f.status === 'failed' && (f.assertionResults?.length ?? 0) === 0,
).length;
const failed = report.numFailedTests + brokenFiles;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${report.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || report.numPassedTests === 0 ? 1 : 0);
