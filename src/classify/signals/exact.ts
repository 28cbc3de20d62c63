// Statistics that come out the same on every run. DuckDB sums doubles in parallel, in whatever order its threads
// finish, so stddev_pop, avg of doubles and the regr_* aggregates differ in their last bits from one run to the next
// of the same data, and a workload sitting on a threshold could change label between two audits. Over integer
// counts the sums are exact (HUGEINT) and the one division at the end is deterministic; the regressions over the few
// thousand rows of the day tables are fed in a fixed order instead (an ordered aggregate).

/**
 * Population standard deviation of an integer expression, from exact sums: sqrt(N·Σx² − (Σx)²) / N. `filter` is an
 * aggregate FILTER clause (`FILTER (WHERE …)`) or empty. NULL over no rows, as stddev_pop.
 */
export function stddevPopOfIntegers(x: string, filter = ''): string {
  const n = `count(${x}) ${filter}`;
  const sum = `sum((${x})::HUGEINT) ${filter}`;
  const squares = `sum((${x})::HUGEINT * (${x})) ${filter}`;
  return `(sqrt((${n} * ${squares} - ${sum} * ${sum})::DOUBLE) / nullif(${n}, 0))`;
}
