// How a renderer may draw: colour or not, and the terminal width tables fit into. The CLI fills it from the
// process (src/cli/io.ts); programmatic callers and tests pass their own.
/**
 * `wide`: tables keep every column at its natural width (`--wide`), for wide terminals and log files. `top`: the
 * savings table (terminal and markdown) shows this many rows and sums the rest in one (`--top`); absent, every row.
 */
export type Style = { readonly color: boolean; readonly columns: number; readonly wide?: boolean; readonly top?: number };

/** No colour, 100 columns: the style of a caller that is not a terminal. */
export const plainStyle: Style = { color: false, columns: 100 };
