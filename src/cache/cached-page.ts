// One stored response: its bytes in every form a client may ask for, each compressed once, when a
// client first asks for it (never per request: a page nobody asks for in brotli is never brotli'd,
// and a miss pays for one compression, not two), the strong ETag of each form, and the dependency
// keys it was built from. Brotli runs at a middle quality: the top qualities cost tens of
// milliseconds a page, which a cache miss cannot afford, for a few percent of bytes.

import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import type { ContentCoding } from './accept-encoding.ts';

const BROTLI_QUALITY = 5;
const GZIP_LEVEL = 6;

export interface PageForm {
  body: Buffer;
  etag: string;
}

export interface CachedPage {
  /** The normalized address this page answers. */
  key: string;
  /** The route pattern that made it (for metrics of the requests it answers). */
  route: string;
  status: number;
  contentType: string;
  /** The page in this coding, compressed now if no client asked for it before. */
  form(coding: ContentCoding): PageForm;
  /** Dependency keys, `site` always among them. */
  dependencies: readonly string[];
  /** The Surrogate-Key header: the dependency keys, space-separated. */
  surrogateKey: string;
  storedAt: number;
  /** After this (clock ms) the page is served only when it cannot be made again (stale-if-error). */
  freshUntil: number;
  /**
   * What it costs in memory, counted when it is stored: the plain bytes, room for the compressed
   * forms (made later, on demand: HTML compresses to well under this), and the record itself.
   */
  bytes: number;
}

export interface PageToStore {
  key: string;
  route: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** The keys of the address (the list or story the page is). */
  addressKeys: readonly string[];
  /** The keys of what it links to. */
  contentKeys: Iterable<string>;
  now: number;
  maxAgeMs: number;
}

const RECORD_OVERHEAD = 512;
/** Room kept for the gzip and brotli forms together, as a share of the plain bytes. */
const COMPRESSED_SHARE = 0.6;
/**
 * The longest Surrogate-Key header sent (Varnish refuses response headers past 8 KB by default).
 * A page linking more (a sitemap of 10,000 stories) names only its address's keys there; its
 * address keys are purged with every change that can alter it.
 */
const MAX_SURROGATE_KEY_HEADER = 4096;

export function buildCachedPage(page: PageToStore): CachedPage {
  const tag = createHash('sha1').update(page.body).digest('base64url').slice(0, 22);
  const dependencies = [...new Set(['site', ...page.addressKeys, ...page.contentKeys])];
  const allKeys = dependencies.join(' ');
  const surrogateKey = allKeys.length <= MAX_SURROGATE_KEY_HEADER ? allKeys : ['site', ...page.addressKeys].join(' ');
  const forms: Partial<Record<ContentCoding, PageForm>> = { identity: { body: page.body, etag: `"${tag}"` } };
  const compress: Record<Exclude<ContentCoding, 'identity'>, () => PageForm> = {
    gzip: () => ({ body: gzipSync(page.body, { level: GZIP_LEVEL }), etag: `"${tag}-gz"` }),
    br: () => ({
      body: brotliCompressSync(page.body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length },
      }),
      etag: `"${tag}-br"`,
    }),
  };
  return {
    key: page.key,
    route: page.route,
    status: page.status,
    contentType: page.contentType,
    form: (coding) => (forms[coding] ??= compress[coding as Exclude<ContentCoding, 'identity'>]()),
    dependencies,
    surrogateKey,
    storedAt: page.now,
    freshUntil: page.now + page.maxAgeMs,
    bytes: Math.ceil(page.body.length * (1 + COMPRESSED_SHARE)) + surrogateKey.length * 2 + page.key.length * 2 + RECORD_OVERHEAD,
  };
}
