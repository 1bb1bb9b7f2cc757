// Validates wire items against IPTC's official ninjs 3.1 schema (kept in the repository with its
// licence, src/publishing/wire/standards/), with ajv's 2020-12 dialect and formats checked. The
// schema refers to the GeoJSON schema for places; that one comes from the GeoJSON authors' own
// package (geojson-schema, draft-07, whose meta-schema ajv ships).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const SCHEMA = fileURLToPath(new URL('../publishing/wire/standards/ninjs-schema_3.1.json', import.meta.url));

// ajv-formats is CommonJS: its function is the default export, or that export's `default`.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const json = (file: string): object => JSON.parse(readFileSync(file, 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
ajv.addMetaSchema(json(fileURLToPath(import.meta.resolve('ajv/dist/refs/json-schema-draft-07.json'))));
ajv.addSchema(json(fileURLToPath(import.meta.resolve('geojson-schema/GeoJSON.json'))));
const validate = ajv.compile(json(SCHEMA));

/** The schema's complaints about `item`, empty when it is valid ninjs 3.1. */
export function ninjsErrors(item: unknown): string[] {
  if (validate(item)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
