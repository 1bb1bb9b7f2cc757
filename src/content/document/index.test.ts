// Checks that the folder's public interface is complete, so callers can rely on `./index.ts` alone.

import { it } from 'node:test';
import assert from 'node:assert/strict';
import * as documentApi from './index.ts';

it('exports the document functions and constants', () => {
  for (const name of [
    'emptyDocument',
    'parseDocument',
    'DocumentError',
    'MAX_BLOCKS',
    'MAX_TEXT_LENGTH',
    'MAX_URL_LENGTH',
    'renderDocumentHtml',
    'renderDocumentText',
    'escapeHtml',
    'documentFromText',
    'EMBED_HOSTS',
    'EMBED_PROVIDER_NAMES',
  ]) {
    assert.ok(name in documentApi, name);
  }
  const doc = documentApi.emptyDocument();
  assert.deepEqual(documentApi.parseDocument(doc), doc);
  assert.equal(documentApi.renderDocumentHtml(doc), '');
});
