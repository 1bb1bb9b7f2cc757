// Processing is bounded: one image at a time per process, a few waiting, the rest refused.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { images } from '../testing/images.ts';
import { AppError } from '../lib/errors.ts';
import { inspectImage } from './inspect-image.ts';
import { MAX_WAITING_UPLOADS, processImage, renditionWidths } from './process-image.ts';

const LIMITS = { maxBytes: 5_000_000, maxPixels: 50_000_000 };

describe('processImage', () => {
  it('makes the standard widths below the image and its own width up to 1920, never more', () => {
    assert.deepEqual(renditionWidths(200), [200]);
    assert.deepEqual(renditionWidths(640), [320, 640]);
    assert.deepEqual(renditionWidths(1000), [320, 640, 960, 1000]);
    assert.deepEqual(renditionWidths(1920), [320, 640, 960, 1280, 1920]);
    assert.deepEqual(renditionWidths(5000), [320, 640, 960, 1280, 1920]);
  });

  it(`processes one image at a time, lets ${MAX_WAITING_UPLOADS} more wait and refuses the rest with media_busy`, async () => {
    const bytes = await images.jpeg(300, 200);
    const inspected = await inspectImage(bytes, LIMITS);
    const attempts = Array.from({ length: MAX_WAITING_UPLOADS + 4 }, () => processImage(bytes, inspected, LIMITS).then(() => 'done', (error: unknown) => error));
    const outcomes = await Promise.all(attempts);
    assert.equal(outcomes.filter((o) => o === 'done').length, MAX_WAITING_UPLOADS + 1);
    const refused = outcomes.filter((o) => o !== 'done');
    assert.equal(refused.length, 3);
    for (const error of refused) assert.ok(error instanceof AppError && error.code === 'media_busy' && error.status === 503);
    // Once the queue has drained, uploads are taken again.
    assert.ok((await processImage(bytes, inspected, LIMITS)).renditions.length > 0);
  });
});
