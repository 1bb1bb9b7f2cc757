// The content domain's public interface: the story model's commands and queries, the story
// document and slugs. Other domains import from here only.

export type { ContentContext } from './content-context.ts';
export * from './document/index.ts';
export { slugify, transliterate, isValidSlug } from './slug/index.ts';
export { STORY_STATUSES, PUBLIC_STATUSES, isStoryStatus, isPublicStatus, isVisibleToReaders, type StoryStatus } from './stories/story-status.ts';
export type { StoryInput, LanguageVersionInput } from './stories/story-input.ts';
export { validateLanguageVersion, validInstant, validId, validLanguage } from './stories/story-input.ts';
export { createStory, addLanguageVersion, type CreatedVersion } from './stories/create-story.ts';
export { changeSlug } from './stories/change-slug.ts';
export { findStoryIdBySlug } from './stories/story-slugs.ts';
export {
  findVersionForPage, findVersionForPreview, listVisibleTranslations,
  type PageVersion, type PageLookup, type VisibleTranslation,
} from './stories/story-queries.ts';
export { createRubric, listRubrics, type Rubric, type RubricInput } from './rubrics/rubrics.ts';
export { createTag, type Tag, type TagInput } from './tags/tags.ts';
export { createAuthor, type AuthorInput } from './authors/authors.ts';
export { registerImage, findImagesForPage, type ImageInput, type ImageForPage } from './images/images.ts';
export { readSettings, writeSetting, validateSetting, DEFAULT_SETTINGS, type SiteSettings } from './settings/settings.ts';
export { findTagBySlug, findTagByKey, findTagById, listStoryTags, listTagsIn } from './tags/tags.ts';
export { findAuthorByKey, listStoryAuthors, type Author } from './authors/authors.ts';
export { writePage, findPageBySlug, listPageVersions, listPages, type StaticPage } from './pages/pages.ts';
export { listFeedPage, listRubricHeadlines, type ListedHeadline, findMainStory, hasStoriesIn, countStoriesIn, type FeedCursor, type FeedScope, type FeedPage, type ListedStory } from './stories/listing-queries.ts';
export { SOCIAL_NETWORKS, type SocialNetwork } from './settings/settings.ts';
export { refreshStoryListings } from './stories/story-listings.ts';
export { listBylineAndTags, type BylineAndTags } from './stories/byline-and-tags.ts';
export { findStoryListingFacts, type StoryListingFacts } from './stories/story-listing-facts.ts';
export { loadSearchDocuments, listStoryIdsAfter, countStories } from './stories/search-documents.ts';
export { updateRubric, reorderRubrics } from './rubrics/update-rubric.ts';
export { listTags, updateTag, mergeTags, type ListedTag } from './tags/change-tags.ts';
export type { NameChanges } from './taxonomy/rename-names.ts';
export { findFormerSlugOwner } from './taxonomy/former-slugs.ts';
