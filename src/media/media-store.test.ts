// The files of the library: written whole under content addresses, and what a crash left
// half-written swept away once it is old.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { originalKey, removeLeftoverUploads, renditionKey, sha256, writeMediaFile } from './media-store.ts';

describe('media store', () => {
  it('names files by the sha256 of the original, in a folder of its first two hex digits', () => {
    const hash = sha256(Buffer.from('picture'));
    assert.equal(originalKey(hash, 'jpeg'), `library/${hash.slice(0, 2)}/${hash}.jpg`);
    assert.equal(renditionKey(hash, 960, 'avif'), `library/${hash.slice(0, 2)}/${hash}-960w.avif`);
  });

  it('writes a file whole, leaves no temporary file, and keeps a file already there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-store-'));
    await writeMediaFile(dir, 'library/ab/abc.jpg', Buffer.from('first'));
    await writeMediaFile(dir, 'library/ab/abc.jpg', Buffer.from('other'));
    assert.equal(readFileSync(path.join(dir, 'library/ab/abc.jpg'), 'utf8'), 'first');
    assert.deepEqual(readdirSync(path.join(dir, 'library/ab')), ['abc.jpg']);
  });

  it('sweeps temporary files older than the limit and nothing else', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-store-'));
    const folder = path.join(dir, 'library', 'cd');
    mkdirSync(folder, { recursive: true });
    const old = path.join(folder, '.upload-old');
    const fresh = path.join(folder, '.upload-fresh');
    const image = path.join(folder, 'cdef.jpg');
    for (const file of [old, fresh, image]) writeFileSync(file, 'x');
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    utimesSync(image, twoHoursAgo, twoHoursAgo);
    assert.equal(await removeLeftoverUploads(dir), 1);
    assert.equal(existsSync(old), false);
    assert.equal(existsSync(fresh), true, 'an upload being written is left alone');
    assert.equal(existsSync(image), true);
    assert.equal(await removeLeftoverUploads(path.join(dir, 'missing')), 0);
  });
});
