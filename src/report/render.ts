// The renderer registry: adding a format to `formats` fails to compile until a renderer exists for it.
import type { Report, Style } from './model.ts';
import { renderCsv } from './renderers/csv.ts';
import { renderJson } from './renderers/json.ts';
import { renderMarkdown } from './renderers/markdown.ts';
import { renderTable } from './renderers/table.ts';

export const formats = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof formats)[number];

export type Renderer = (report: Report, style: Style) => string;

const renderers = { table: renderTable, json: renderJson, csv: renderCsv, markdown: renderMarkdown } satisfies Record<Format, Renderer>;

export const render = (report: Report, format: Format, style: Style): string => renderers[format](report, style);
