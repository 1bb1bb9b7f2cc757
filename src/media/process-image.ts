// Turns an inspected upload into the files the library stores: the original without EXIF, XMP,
// IPTC or text chunks (so no GPS position leaves the newsroom) with its orientation applied, and
// the renditions the site serves: a few widths, never upscaled, in AVIF, WebP and a JPEG (PNG when
// the image has transparency) fallback. Every pixel is decoded here, so a truncated file fails.
// One image is processed at a time per process, so a burst of uploads cannot starve the site of
// both cores, and only a few wait their turn (the rest are refused with media_busy); with the pixel
// limit that bounds the time and memory uploads take.

import type { SharpOptions } from 'sharp';
import { loadSharp } from './load-sharp.ts';
import { AppError } from '../lib/errors.ts';
import { corruptImage, sharpOptions, type InspectedImage } from './inspect-image.ts';
import type { ImageFormat } from './sniff-format.ts';
import type { MediaLimits } from './media-context.ts';

export const RENDITION_WIDTHS = [320, 640, 960, 1280, 1920] as const;

export type RenditionFormat = 'avif' | 'webp' | 'jpeg' | 'png';

export interface ProcessedFile {
  format: RenditionFormat | ImageFormat;
  width: number;
  height: number;
  bytes: Buffer;
}

export interface ProcessedImage {
  original: ProcessedFile & { format: ImageFormat };
  renditions: Array<ProcessedFile & { format: RenditionFormat }>;
}

/** The widths made for an image `width` pixels wide: the standard ones below it, and its own width up to the largest. */
export function renditionWidths(width: number): number[] {
  const largest = RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!;
  const widths: number[] = RENDITION_WIDTHS.filter((w) => w < width);
  if (width <= largest) widths.push(width);
  return widths;
}

export function fallbackFormat(image: Pick<InspectedImage, 'hasAlpha'>): 'jpeg' | 'png' {
  return image.hasAlpha ? 'png' : 'jpeg';
}

/** Uploads that may wait for their turn; beyond that an upload is refused (503) rather than held in memory. */
export const MAX_WAITING_UPLOADS = 4;

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (waiting > MAX_WAITING_UPLOADS) {
    return Promise.reject(new AppError('media_busy', 'Too many images are being processed right now; try the upload again in a moment'));
  }
  waiting += 1;
  const run = () => {
    waiting -= 1;
    return work();
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

export function processImage(bytes: Buffer, image: InspectedImage, limits: MediaLimits): Promise<ProcessedImage> {
  return oneAtATime(async () => {
    try {
      return await process(bytes, image, limits);
    } catch (cause) {
      // libvips reports a damaged file as an error while decoding; our own errors pass through.
      if (cause instanceof Error && cause.name === 'AppError') throw cause;
      throw corruptImage(image.format, cause);
    }
  });
}

async function process(bytes: Buffer, image: InspectedImage, limits: MediaLimits): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  const options = sharpOptions(limits);
  const turned = image.orientation >= 5;
  const width = turned ? image.height : image.width;
  const height = turned ? image.width : image.height;
  const originalBytes = image.hasMetadata ? await cleanOriginal(bytes, image, options) : bytes;
  if (image.isAnimated) {
    // Renditions would be stills of the first frame: the site shows the animation itself. Every
    // frame is still decoded once, so a damaged animation is refused like any damaged file.
    await sharp(bytes, { ...options, animated: true }).resize({ width: 16 }).raw().toBuffer();
    return { original: { format: image.format, width, height, bytes: originalBytes }, renditions: [] };
  }

  const widths = renditionWidths(width);
  const largest = widths[widths.length - 1]!;
  // Decode the upload once, at the largest rendition's size (JPEG and WebP shrink while they
  // decode), turned upright; every rendition is made from those pixels.
  const base = await sharp(bytes, options)
    .rotate()
    .resize({ width: largest, withoutEnlargement: true })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { width: base.info.width, height: base.info.height, channels: base.info.channels };

  const renditions: ProcessedImage['renditions'] = [];
  for (const w of widths) {
    for (const format of ['avif', 'webp', fallbackFormat(image)] as const) {
      const pipeline = sharp(base.data, { raw }).resize({ width: w });
      const encoded =
        format === 'avif' ? pipeline.avif({ quality: 50, effort: 0 })
        : format === 'webp' ? pipeline.webp({ quality: 75, effort: 2 })
        : format === 'png' ? pipeline.png({ compressionLevel: 8, adaptiveFiltering: true })
        : pipeline.jpeg({ quality: 80, mozjpeg: true, progressive: true });
      const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
      renditions.push({ format, width: info.width, height: info.height, bytes: data });
    }
  }
  return { original: { format: image.format, width, height, bytes: originalBytes }, renditions };
}

/** Re-encodes the original in its own format with only its pixels and colour profile. */
async function cleanOriginal(bytes: Buffer, image: InspectedImage, options: SharpOptions): Promise<Buffer> {
  const sharp = await loadSharp();
  const pipeline = sharp(bytes, { ...options, animated: image.isAnimated }).rotate().keepIccProfile();
  switch (image.format) {
    case 'jpeg':
      // libjpeg-turbo's own encoder: mozjpeg's smaller files cost seconds on a 24-megapixel original.
      return pipeline.jpeg({ quality: 92 }).toBuffer();
    case 'png':
      return pipeline.png({ compressionLevel: 8 }).toBuffer();
    case 'webp':
      return pipeline.webp({ quality: 92 }).toBuffer();
    case 'avif':
      return pipeline.avif({ quality: 75, effort: 2 }).toBuffer();
    case 'gif':
      return pipeline.gif().toBuffer();
  }
}
