// The OpenAPI 3.1 description of the public content API: the one statement of what each address
// takes and answers. Served at /api/openapi.json, rendered as /api/docs, and the tests check every
// response against these schemas, so the description cannot drift from the code.

export const CONTENT_API_PREFIX = '/api/v1';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const instant = { type: 'string', format: 'date-time', description: 'A UTC instant (RFC 3339, with Z).' };

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

function languageParameter(languages: readonly string[]) {
  return { name: 'language', in: 'query', required: true, description: 'The language version to read.', schema: { type: 'string', enum: [...languages] } };
}

/** What a story in a list and a whole story both say. */
const SUMMARY_PROPERTIES = {
  id: { type: 'integer', minimum: 1 },
  language: { type: 'string' },
  headline: { type: 'string' },
  lede: { type: 'string' },
  publishedAt: instant,
  urgency: { type: 'integer', minimum: 1, maximum: 5, description: '1 flash … 5 routine.' },
  rubric: { oneOf: [ref('RubricRef'), { type: 'null' }] },
  url: { type: 'string', format: 'uri', description: 'The story page on the public site.' },
} as const;

const SCHEMAS = {
  Error: {
    type: 'object', required: ['error'], additionalProperties: false,
    properties: {
      error: {
        type: 'object', required: ['code', 'message', 'details'], additionalProperties: false,
        properties: {
          code: { type: 'string', description: 'Stable, for programs: invalid_input, language_unknown, api_cursor_invalid, rubric_not_found, tag_not_found, story_not_found, story_gone.' },
          message: { type: 'string', description: 'For people; may change.' },
          details: { type: 'object' },
        },
      },
    },
  },
  RubricRef: {
    type: 'object', required: ['key', 'name', 'slug'], additionalProperties: false,
    properties: { key: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' } },
  },
  StorySummary: {
    type: 'object', additionalProperties: false,
    required: ['id', 'language', 'headline', 'lede', 'publishedAt', 'urgency', 'rubric', 'url'],
    properties: SUMMARY_PROPERTIES,
  },
  StoryList: {
    type: 'object', required: ['stories', 'next'], additionalProperties: false,
    properties: {
      stories: { type: 'array', items: ref('StorySummary') },
      next: { type: ['string', 'null'], description: 'The `cursor` of the next (older) page; null on the last page.' },
    },
  },
  Story: {
    type: 'object', additionalProperties: false,
    required: ['id', 'language', 'headline', 'lede', 'publishedAt', 'urgency', 'rubric', 'url', 'version', 'bodyHtml', 'correction', 'tags', 'authors', 'translations'],
    properties: {
      ...SUMMARY_PROPERTIES,
      version: { type: 'integer', minimum: 1, description: 'Goes up by one with each correction.' },
      bodyHtml: { type: 'string', description: 'The body as HTML from a fixed set of elements (images left out).' },
      correction: {
        oneOf: [
          { type: 'object', required: ['note', 'at'], additionalProperties: false, properties: { note: { type: 'string' }, at: instant } },
          { type: 'null' },
        ],
      },
      tags: { type: 'array', items: { type: 'object', required: ['name', 'slug'], additionalProperties: false, properties: { name: { type: 'string' }, slug: { type: 'string' } } } },
      authors: { type: 'array', items: { type: 'object', required: ['key', 'name'], additionalProperties: false, properties: { key: { type: 'string' }, name: { type: 'string' } } } },
      translations: {
        type: 'array', description: 'The other language versions readers can see now.',
        items: { type: 'object', required: ['language', 'url'], additionalProperties: false, properties: { language: { type: 'string' }, url: { type: 'string', format: 'uri' } } },
      },
    },
  },
  Rubric: {
    type: 'object', required: ['key', 'name', 'slug', 'url'], additionalProperties: false,
    properties: { key: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' }, url: { type: 'string', format: 'uri' } },
  },
  RubricList: { type: 'object', required: ['rubrics'], additionalProperties: false, properties: { rubrics: { type: 'array', items: ref('Rubric') } } },
  Tag: {
    type: 'object', required: ['key', 'name', 'slug', 'url'], additionalProperties: false,
    properties: { key: { type: 'string' }, name: { type: 'string' }, slug: { type: 'string' }, url: { type: 'string', format: 'uri' } },
  },
  TagList: { type: 'object', required: ['tags'], additionalProperties: false, properties: { tags: { type: 'array', items: ref('Tag') } } },
} as const;

export type ContentApiSchemaName = keyof typeof SCHEMAS;

export function buildOpenApiDocument(params: { publicUrl: string; languages: readonly string[] }) {
  const language = languageParameter(params.languages);
  const ok = (description: string, schema: ContentApiSchemaName) => ({ description, content: { 'application/json': { schema: ref(schema) } } });
  const badInput = errorResponse('Bad input: a missing or unknown language, a malformed limit, cursor or id.');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dispatch public content API',
      version: '1.0.0',
      description: 'Read-only JSON of what the public site shows: stories readers may see now (never drafts, embargoed, unpublished or killed ones), rubrics and tags. Errors are `{ "error": { "code", "message", "details" } }` with a stable code.',
    },
    servers: [{ url: params.publicUrl }],
    paths: {
      [`${CONTENT_API_PREFIX}/stories`]: {
        get: {
          operationId: 'listStories',
          summary: 'Stories, newest first',
          description: 'The stories of a language, or of one rubric or tag in it, newest first. Page with `cursor` = the previous answer\'s `next`.',
          parameters: [
            language,
            { name: 'rubric', in: 'query', required: false, description: 'A rubric key (see /rubrics). Not with `tag`.', schema: { type: 'string' } },
            { name: 'tag', in: 'query', required: false, description: 'A tag key (see /tags). Not with `rubric`.', schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 50, default: 20 } },
            { name: 'cursor', in: 'query', required: false, description: 'The `next` of the previous page.', schema: { type: 'string' } },
          ],
          responses: { 200: ok('A page of stories.', 'StoryList'), 400: badInput, 404: errorResponse('No such rubric or tag.') },
        },
      },
      [`${CONTENT_API_PREFIX}/stories/{id}`]: {
        get: {
          operationId: 'getStory',
          summary: 'One story in one language',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }, language],
          responses: {
            200: ok('The story with its text.', 'Story'),
            400: badInput,
            404: errorResponse('No story readers can see with this id in this language.'),
            410: errorResponse('The story was killed.'),
          },
        },
      },
      [`${CONTENT_API_PREFIX}/rubrics`]: {
        get: { operationId: 'listRubrics', summary: 'The rubrics, in the site\'s order', parameters: [language], responses: { 200: ok('The rubrics named in the language.', 'RubricList'), 400: badInput } },
      },
      [`${CONTENT_API_PREFIX}/tags`]: {
        get: { operationId: 'listTags', summary: 'The tags, by name', parameters: [language], responses: { 200: ok('The tags named in the language.', 'TagList'), 400: badInput } },
      },
    },
    components: { schemas: SCHEMAS },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
