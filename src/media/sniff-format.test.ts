// The first check of an upload: formats told apart by their first bytes alone.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { images, SVG_WITH_SCRIPT, zipFile } from '../testing/images.ts';
import { sniffFormat } from './sniff-format.ts';

function ftyp(...brands: string[]): Buffer {
  const body = Buffer.from(brands[0]! + '\0\0\0\0' + brands.slice(1).join(''), 'latin1');
  const size = Buffer.alloc(4);
  size.writeUInt32BE(8 + body.length, 0);
  return Buffer.concat([size, Buffer.from('ftyp'), body, Buffer.alloc(16)]);
}

describe('sniffFormat', () => {
  it('recognises the five formats the library takes from real files', async () => {
    assert.deepEqual(sniffFormat(await images.jpeg(20, 20)), { kind: 'image', format: 'jpeg' });
    assert.deepEqual(sniffFormat(await images.png(20, 20)), { kind: 'image', format: 'png' });
    assert.deepEqual(sniffFormat(await images.webp(20, 20)), { kind: 'image', format: 'webp' });
    assert.deepEqual(sniffFormat(await images.avif(20, 20)), { kind: 'image', format: 'avif' });
    assert.deepEqual(sniffFormat(await images.gif(20, 20)), { kind: 'image', format: 'gif' });
  });

  it('tells AVIF from HEIC and MP4 by the brands of the ftyp box', () => {
    assert.deepEqual(sniffFormat(ftyp('mif1', 'mif1', 'avif')), { kind: 'image', format: 'avif' });
    assert.deepEqual(sniffFormat(ftyp('heic', 'mif1', 'heic')), { kind: 'unsupported', format: 'heif' });
    assert.deepEqual(sniffFormat(ftyp('isom', 'isom', 'mp41')), { kind: 'other' });
  });

  it('names images of formats it does not take: SVG (with or without a declaration), TIFF, BMP', () => {
    assert.deepEqual(sniffFormat(SVG_WITH_SCRIPT), { kind: 'unsupported', format: 'svg' });
    assert.deepEqual(sniffFormat(Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"></svg>')), { kind: 'unsupported', format: 'svg' });
    assert.deepEqual(sniffFormat(Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])), { kind: 'unsupported', format: 'tiff' });
    assert.deepEqual(sniffFormat(Buffer.concat([Buffer.from('BM'), Buffer.alloc(60)])), { kind: 'unsupported', format: 'bmp' });
  });

  it('calls anything else not an image: text, HTML, a zip, a PDF, nothing', () => {
    for (const bytes of [Buffer.from('hello'), Buffer.from('<html><body><img src=x></body></html>'), zipFile(), Buffer.from('%PDF-1.7\n'), Buffer.alloc(0), Buffer.from([0xff, 0xd8])]) {
      assert.deepEqual(sniffFormat(bytes), { kind: 'other' }, bytes.subarray(0, 12).toString('latin1'));
    }
  });
});
