/** One line of the benchmark table: a measured value, and the baseline it is compared with. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  note?: string;
}
