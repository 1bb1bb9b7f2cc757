// Decides whether uploaded bytes are an image the library takes: the first bytes name the format
// (sniff-format.ts), sharp must read the same format from the header, the header's pixel count
// must be within the limit, checked before any pixel is decoded (and sharp's limitInputPixels
// guards every later decode too), so a decompression bomb never gets memory. A truncated file is
// found when the renditions decode every pixel (`corruptImage`).

import type { Metadata, SharpOptions } from 'sharp';
import { loadSharp } from './load-sharp.ts';
import { AppError } from '../lib/errors.ts';
import { sniffFormat, type ImageFormat } from './sniff-format.ts';
import type { MediaLimits } from './media-context.ts';

export interface InspectedImage {
  format: ImageFormat;
  /** As stored in the file, before its EXIF orientation is applied. */
  width: number;
  height: number;
  /** 5–8: the picture is stored rotated a quarter turn, so width and height swap when shown. */
  orientation: number;
  hasAlpha: boolean;
  /** Metadata beyond the pixels and colour profile (EXIF, XMP, IPTC, PNG text) that must not be kept. */
  hasMetadata: boolean;
  isAnimated: boolean;
}

// What sharp calls each format the library takes (AVIF is AV1 in a HEIF container).
function sharpFormatMatches(expected: ImageFormat, metadata: Metadata): boolean {
  if (expected === 'avif') return metadata.format === 'heif' && metadata.compression === 'av1';
  return metadata.format === expected;
}

export function sharpOptions(limits: MediaLimits): SharpOptions {
  // failOn 'warning': a premature end of a JPEG or a bad PNG chunk refuses the file.
  return { limitInputPixels: limits.maxPixels, failOn: 'warning', sequentialRead: true };
}

export async function inspectImage(bytes: Buffer, limits: MediaLimits): Promise<InspectedImage> {
  if (bytes.length > limits.maxBytes) {
    throw new AppError('media_too_large', `The file is larger than the limit of ${limits.maxBytes} bytes`, { details: { maxBytes: limits.maxBytes } });
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed.kind === 'other') {
    throw new AppError('media_not_an_image', 'The file is not an image: only JPEG, PNG, WebP, AVIF and GIF files are taken');
  }
  if (sniffed.kind === 'unsupported') {
    throw new AppError('media_unsupported_format', `${sniffed.format.toUpperCase()} images are not taken: upload JPEG, PNG, WebP, AVIF or GIF`, { details: { format: sniffed.format } });
  }
  const format = sniffed.format;

  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    // The header alone: sharp checks its dimensions against limitInputPixels here too.
    // No pixel limit for the header, so the refusal below can name the dimensions.
    metadata = await sharp(bytes, { limitInputPixels: false, failOn: 'warning' }).metadata();
  } catch (cause) {
    throw corruptImage(format, cause);
  }
  if (!sharpFormatMatches(format, metadata) || !metadata.width || !metadata.height) throw corruptImage(format);
  const pixels = metadata.width * (metadata.pageHeight ?? metadata.height);
  if (pixels > limits.maxPixels) {
    throw new AppError('media_too_many_pixels', `The image is ${metadata.width} × ${metadata.height} pixels, more than the limit of ${limits.maxPixels}`, {
      details: { maxPixels: limits.maxPixels, width: metadata.width, height: metadata.height },
    });
  }
  return {
    format,
    width: metadata.width,
    height: metadata.pageHeight ?? metadata.height,
    orientation: metadata.orientation ?? 1,
    hasAlpha: metadata.hasAlpha === true,
    hasMetadata: metadata.exif !== undefined || metadata.xmp !== undefined || metadata.iptc !== undefined || (metadata.comments?.length ?? 0) > 0 || (metadata.orientation ?? 1) > 1,
    isAnimated: (metadata.pages ?? 1) > 1,
  };
}

export function corruptImage(format: ImageFormat, cause?: unknown): AppError {
  return new AppError('media_corrupt', `The file starts like a ${format.toUpperCase()} image but cannot be decoded: it may be truncated or damaged`, {
    details: { format },
    ...(cause === undefined ? {} : { cause }),
  });
}
