// Validates the content API against its own OpenAPI 3.1 document: the document against the
// official OpenAPI 3.1 schema (OAI's schema.json, kept in the repository with its Apache-2.0
// licence, src/publishing/content-api/standards/), and each response body against the schema the
// document gives for its path, method and status. ajv's 2020-12 dialect, formats on.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const OPENAPI_SCHEMA = fileURLToPath(new URL('../publishing/content-api/standards/openapi-3.1-schema.json', import.meta.url));

// ajv-formats is CommonJS: its function is the default export, or that export's `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const messages = (errors: Ajv2020['errors']) => (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);

/** The official schema's complaints about `document`, empty when it is a valid OpenAPI 3.1 document. */
export function openApiDocumentErrors(document: unknown): string[] {
  // logger off: the schema uses OAI's own `media-range` format, which ajv does not know (and skips).
  const ajv = new Ajv2020({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  // The schema's only `$dynamicAnchor: meta` is `$defs/schema`, so each `$dynamicRef: #meta` means
  // that definition; ajv mis-evaluates the dynamic form together with unevaluatedProperties, so it
  // gets the static reference it stands for. The file in the repository stays as OAI published it.
  const text = readFileSync(OPENAPI_SCHEMA, 'utf8').replaceAll('"$dynamicRef": "#meta"', '"$ref": "#/$defs/schema"');
  const validate = ajv.compile(JSON.parse(text) as object);
  return validate(document) ? [] : messages(validate.errors);
}

interface Described { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: { schemas: Record<string, object> } }

/** Checks response bodies against the schemas `document` names for them. */
export function responseValidator(document: Described) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // The components as one schema resource: their own `#/components/...` references resolve inside it.
  const base = 'https://dispatch.invalid/openapi';
  ajv.addSchema({ $id: base, components: document.components });
  const rewrite = (schema: object) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${base}#/components/`)) as object;
  /** Complaints about `body` as the answer `status` of `method path` (path as in the document). */
  return (path: string, method: string, status: number, body: unknown): string[] => {
    const described = document.paths[path]?.[method]?.responses[String(status)];
    if (!described) return [`${method} ${path} does not describe a ${status}`];
    const schema = described.content?.['application/json']?.schema;
    if (!schema) return [`${method} ${path} ${status} has no JSON schema`];
    const validate = ajv.compile(rewrite(schema));
    return validate(body) ? [] : messages(validate.errors);
  };
}
