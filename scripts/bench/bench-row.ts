/** One line of the benchmark table: a measured value, and the baseline it is compared with. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /**
   * A budget the report checks (PASS / OVER, printed; never a failing test): a maximum of the value
   * itself, or of the ratio value / baseline.
   */
  budget?: { max: number; of: 'value' | 'ratio' };
  note?: string;
}

/** Value / baseline, when there is a baseline to divide by. */
export function ratioOf(row: BenchRow): number | null {
  return row.baseline && row.baseline.value > 0 ? row.value / row.baseline.value : null;
}

/** "PASS" or "OVER" against the row's budget; null without a budget (or without the ratio it needs). */
export function budgetVerdict(row: BenchRow): { pass: boolean; text: string } | null {
  if (!row.budget) return null;
  const measured = row.budget.of === 'ratio' ? ratioOf(row) : row.value;
  if (measured === null) return null;
  const limit = row.budget.of === 'ratio' ? `${row.budget.max.toFixed(2)}×` : `${row.budget.max} ${row.unit}`;
  const pass = measured <= row.budget.max;
  return { pass, text: `${pass ? 'PASS' : 'OVER'} (≤ ${limit})` };
}
