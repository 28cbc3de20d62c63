// The report as the typed JSON document a reader gets: the HTML page and the programmatic API read it. Apart from
// the JSON renderer so that rendering (every report command) does not load the contract's zod schema.
import { type ReportJsonDocument, reportJsonSchema } from './json-contract.ts';
import type { Report } from './model.ts';
import { renderJson } from './renderers/json.ts';

/** The report parsed from the exact JSON text and checked against the contract. */
export const reportDocument = (report: Report): ReportJsonDocument => reportJsonSchema.parse(JSON.parse(renderJson(report, { color: false, columns: 0 })));
