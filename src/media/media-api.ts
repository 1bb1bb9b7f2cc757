// The newsroom's HTTP interface to the media library:
//   POST  /api/newsroom/media       upload (multipart: one `file`, optional `credit`, `texts` as JSON
//                                   or `alt.<lang>` / `caption.<lang>` fields)
//   GET   /api/newsroom/media       a page of the library (?query=&cursor=)
//   GET   /api/newsroom/media/:id   one image
//   PATCH /api/newsroom/media/:id   alt text and caption per language, credit (JSON)
// Each route: requireActor(action) → validate → command or query → present. The upload's size
// limit is enforced while the file streams in, so an oversized upload is never held in memory.

import multipart, { type MultipartFile, type Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { AppError, isAppError } from '../lib/errors.ts';
import { findImage, listMedia } from './media-queries.ts';
import { removeLeftoverUploads } from './media-store.ts';
import { presentImage } from './media-presenter.ts';
import { uploadImage } from './upload-image.ts';
import { updateImageTexts } from './update-image-texts.ts';
import type { ImageTextInput } from './image-texts-input.ts';
import type { Actor, MediaContext } from './media-context.ts';

/** The permissions the media routes ask for. */
export type MediaAction = 'media.read' | 'media.upload' | 'media.edit';

export interface MediaApiOptions {
  /** From the accounts: a preHandler that answers 401/403 or sets `request.actor`. */
  requireActor: (action: MediaAction) => NonNullable<RouteShorthandOptions['preHandler']>;
  media: MediaContext;
  /** Told after an image's texts or credit changed (the page cache drops the pages showing it). */
  onImageChanged?: (imageId: number) => void;
}

const MAX_FIELDS = 40;
const MAX_FIELD_BYTES = 16 * 1024;

function actorOf(request: FastifyRequest): Actor {
  const actor = (request as FastifyRequest & { actor?: Actor }).actor;
  // Deny by default: a route reached without requireActor having run is a wiring mistake.
  if (!actor) throw new Error('media API reached without an actor: requireActor must run first');
  return actor;
}

function invalid(field: string, problem: string): AppError {
  return new AppError('invalid_input', `${field}: ${problem}`, { details: { field } });
}

function readImageId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(Number(raw)) || Number(raw) < 1) throw invalid('id', 'must be a positive whole number');
  return Number(raw);
}

interface UploadForm {
  bytes: Buffer | undefined;
  fileName: string | undefined;
  credit: string | undefined;
  texts: Record<string, ImageTextInput | null>;
}

/** Reads the multipart form; the file part is buffered only up to the byte limit. */
async function readUploadForm(request: FastifyRequest, maxBytes: number): Promise<UploadForm> {
  const form: UploadForm = { bytes: undefined, fileName: undefined, credit: undefined, texts: {} };
  try {
    for await (const part of request.parts() as AsyncIterableIterator<Multipart>) {
      if (part.type === 'file') {
        const file = part as MultipartFile;
        if (file.fieldname !== 'file' || form.bytes !== undefined) {
          file.file.resume();
          throw invalid(file.fieldname, 'send one image as the field "file"');
        }
        form.bytes = await file.toBuffer();
        form.fileName = file.filename;
        continue;
      }
      const value = typeof part.value === 'string' ? part.value : String(part.value);
      const name = part.fieldname;
      if (name === 'credit') form.credit = value;
      else if (name === 'texts') Object.assign(form.texts, parseTexts(value));
      else {
        const match = /^(alt|caption)\.([a-z]{2,3})$/.exec(name);
        if (!match) throw invalid(name, 'is not a field of an upload (file, credit, texts, alt.<lang>, caption.<lang>)');
        const text = (form.texts[match[2]!] ??= {});
        text[match[1] as 'alt' | 'caption'] = value;
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('media_too_large', `The file is larger than the limit of ${maxBytes} bytes`, { details: { maxBytes }, cause: error });
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalid('file', 'an upload is one file and a few text fields');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw invalid('file', 'send the upload as multipart/form-data');
    throw error;
  }
  return form;
}

function parseTexts(value: string): Record<string, ImageTextInput | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw invalid('texts', 'must be JSON such as {"en":{"alt":"…","caption":"…"}}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid('texts', 'must be a JSON object of languages');
  return parsed as Record<string, ImageTextInput | null>;
}

export async function registerMediaApi(app: FastifyInstance, options: MediaApiOptions): Promise<void> {
  const { requireActor, media } = options;
  // What a crash left half-written is swept once the server is up, without delaying the start.
  app.addHook('onReady', async () => {
    void removeLeftoverUploads(media.mediaDir).catch((error: unknown) => app.log.warn({ err: error }, 'could not sweep leftover uploads'));
  });
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: media.limits.maxBytes, files: 1, fields: MAX_FIELDS, parts: MAX_FIELDS + 1, fieldSize: MAX_FIELD_BYTES },
    });

    scope.post('/api/newsroom/media', { preHandler: requireActor('media.upload') }, async (request, reply) => {
      const actor = actorOf(request);
      if (!request.isMultipart()) throw invalid('file', 'send the upload as multipart/form-data with the image as the field "file"');
      const form = await readUploadForm(request, media.limits.maxBytes);
      if (!form.bytes) throw invalid('file', 'an image file is required as the field "file"');
      let uploaded;
      try {
        uploaded = await uploadImage(media, { actor, bytes: form.bytes, originalName: form.fileName, credit: form.credit, texts: form.texts });
      } catch (error) {
        // The app's error handler hides 5xx answers; this one is meant for the client, with a hint when to retry.
        if (isAppError(error) && error.code === 'media_busy') {
          return reply.code(503).header('retry-after', '5').send({ error: { code: error.code, message: error.message, details: {} } });
        }
        throw error;
      }
      return reply.code(uploaded.isDuplicate ? 200 : 201).send({ image: presentImage(uploaded.image), isDuplicate: uploaded.isDuplicate });
    });

    scope.get<{ Querystring: { query?: string; cursor?: string } }>('/api/newsroom/media', { preHandler: requireActor('media.read') }, async (request) => {
      actorOf(request);
      const { query, cursor } = request.query;
      if (query !== undefined && (typeof query !== 'string' || query.length > 200)) throw invalid('query', 'must be text of at most 200 characters');
      if (cursor !== undefined && !/^\d{1,15}$/.test(String(cursor))) throw invalid('cursor', 'must be the nextCursor of the previous page');
      const page = await listMedia(media.database, { query, cursor });
      return { items: page.items.map(presentImage), nextCursor: page.nextCursor };
    });

    scope.get<{ Params: { id: string } }>('/api/newsroom/media/:id', { preHandler: requireActor('media.read') }, async (request) => {
      actorOf(request);
      const id = readImageId(request.params.id);
      const image = await findImage(media.database.db, id);
      if (!image) throw new AppError('image_not_found', `No image ${id} in the media library`, { details: { imageId: id } });
      return { image: presentImage(image) };
    });

    scope.patch<{ Params: { id: string }; Body: unknown }>('/api/newsroom/media/:id', { preHandler: requireActor('media.edit') }, async (request) => {
      const actor = actorOf(request);
      const imageId = readImageId(request.params.id);
      const body = request.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid('body', 'must be a JSON object with texts and/or credit');
      const { texts, credit, ...rest } = body as Record<string, unknown>;
      const unknown = Object.keys(rest);
      if (unknown.length > 0) throw invalid(unknown[0]!, 'is not a field of an image (texts, credit)');
      const image = await updateImageTexts(media, {
        actor,
        imageId,
        texts: texts as Record<string, ImageTextInput | null> | undefined,
        ...(credit === undefined ? {} : { credit: credit as string | null }),
      });
      options.onImageChanged?.(imageId);
      return { image: presentImage(image) };
    });
  });
}
