// The registry of every error code Dispatch can report. docs/errors.md documents each of them;
// a test fails when the two disagree.

export const ERROR_CODES = {
  config_invalid: { status: 500, description: 'A setting in the environment or the config file is missing or wrong; the message names it.' },
  config_file_unreadable: { status: 500, description: 'The config file named by DISPATCH_CONFIG cannot be read or is not valid JSON.' },
  database_url_invalid: { status: 500, description: 'DATABASE_URL is neither a file path, a sqlite: URL nor a postgres:// URL.' },
  database_not_sqlite: { status: 500, description: 'The database file exists but is not a SQLite database; it is left untouched.' },
  database_read_only: { status: 500, description: 'The database file or its folder cannot be written by this process.' },
  database_unreachable: { status: 503, description: 'PostgreSQL refused the connection, does not exist, or rejected the credentials.' },
  database_too_old: { status: 500, description: 'The PostgreSQL server is older than the oldest version Dispatch supports (15).' },
  database_newer_than_code: { status: 500, description: 'The database was migrated by a newer Dispatch than this one; upgrade Dispatch.' },
  database_not_migrated: { status: 503, description: 'The database has migrations that were not applied yet; run `dispatch db migrate`.' },
  port_in_use: { status: 500, description: 'Another process already listens on the chosen HOST and PORT.' },
  listen_failed: { status: 500, description: 'The server could not listen on the chosen HOST and PORT for another reason (permission, bad address).' },
  not_found: { status: 404, description: 'No page or resource at this address.' },
  story_not_found: { status: 404, description: 'No story with this id in this language.' },
  story_gone: { status: 410, description: 'The story was killed and is no longer available.' },
  invalid_document: { status: 400, description: 'A story body is not a valid story document; details name the offending path.' },
  invalid_input: { status: 400, description: 'A request or command argument is missing or malformed; details name the field.' },
  language_unknown: { status: 400, description: 'A language code that is not configured.' },
  rubric_not_found: { status: 404, description: 'No rubric with this id or key.' },
  user_exists: { status: 409, description: 'A user with this login already exists.' },
  user_not_found: { status: 404, description: 'No user with this login.' },
  slug_invalid: { status: 400, description: 'A slug typed by hand is not lower-case Latin letters, digits and single hyphens.' },
  slug_taken: { status: 409, description: 'Another story already uses (or used) this slug in this language.' },
  demo_already_loaded: { status: 409, description: 'The database already holds content, so the demo agency is not loaded over it.' },
  image_not_found: { status: 404, description: 'No image with this id in the media library.' },
  media_not_an_image: { status: 400, description: 'The uploaded file is not an image: judged by its content, never its name or declared type.' },
  media_unsupported_format: { status: 415, description: 'The file is an image in a format the library does not take (SVG, TIFF, HEIC, ...); JPEG, PNG, WebP, AVIF and GIF are taken.' },
  media_corrupt: { status: 400, description: 'The file starts like a JPEG, PNG, WebP, AVIF or GIF image but cannot be decoded (truncated or damaged).' },
  media_too_large: { status: 413, description: 'The upload is larger than MEDIA_MAX_BYTES; details give the limit in bytes.' },
  media_too_many_pixels: { status: 413, description: 'The image has more pixels (width × height) than MEDIA_MAX_PIXELS, a guard against decompression bombs; details give the limit.' },
  media_busy: { status: 503, description: 'Too many uploads are being processed at once; nothing was stored, and the same upload can be sent again in a moment.' },
  internal_error: { status: 500, description: 'An unexpected failure; it is logged with its cause and the client sees no internals.' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
