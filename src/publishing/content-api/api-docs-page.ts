// /api/docs: the OpenAPI document as one readable HTML page, built from the document itself (no
// script, no third-party CDN), so the docs always say what /api/openapi.json says.

import { escapeHtml } from '../../content/index.ts';
import type { OpenApiDocument } from './openapi-document.ts';

interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: unknown }
interface Operation { operationId: string; summary: string; description?: string; parameters?: Parameter[]; responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }> }

const e = (value: unknown) => escapeHtml(String(value));

function schemaText(schema: unknown): string {
  const s = schema as { type?: unknown; enum?: unknown[]; minimum?: number; maximum?: number; default?: unknown };
  let text = Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? '');
  if (s.enum) text += `: ${s.enum.join(', ')}`;
  if (s.minimum !== undefined || s.maximum !== undefined) text += ` (${s.minimum ?? ''}–${s.maximum ?? ''})`;
  if (s.default !== undefined) text += `, default ${String(s.default)}`;
  return text;
}

function renderOperation(path: string, method: string, op: Operation): string {
  const rows = (op.parameters ?? []).map((p) => `<tr><td><code>${e(p.name)}</code></td><td>${e(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td>${e(schemaText(p.schema))}</td><td>${e(p.description ?? '')}</td></tr>`).join('');
  const responses = Object.entries(op.responses).map(([status, r]) => {
    const schema = r.content?.['application/json']?.schema.$ref?.split('/').at(-1);
    return `<li><strong>${e(status)}</strong> ${e(r.description)}${schema ? ` — <a href="#schema-${e(schema)}">${e(schema)}</a>` : ''}</li>`;
  }).join('');
  return `<section id="${e(op.operationId)}"><h2><code>${e(method.toUpperCase())} ${e(path)}</code></h2><p>${e(op.summary)}${op.description ? `. ${e(op.description)}` : ''}</p>`
    + (rows ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows}</tbody></table>` : '')
    + `<ul>${responses}</ul></section>`;
}

export function renderApiDocsPage(document: OpenApiDocument): string {
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item as Record<string, Operation>).map(([method, op]) => renderOperation(path, method, op)));
  const schemas = Object.entries(document.components.schemas).map(([name, schema]) => `<section id="schema-${e(name)}"><h3>${e(name)}</h3><pre>${e(JSON.stringify(schema, null, 2))}</pre></section>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(document.info.title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}pre{background:#f4f4f4;padding:.5rem;overflow:auto}</style>
</head><body>
<h1>${e(document.info.title)} ${e(document.info.version)}</h1>
<p>${e(document.info.description)}</p>
<p>The machine-readable description: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${e(document.openapi)}).</p>
${operations.join('\n')}
<h2>Schemas</h2>
${schemas.join('\n')}
</body></html>
`;
}
