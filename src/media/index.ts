// The media library: uploads checked by content, stripped of metadata, stored under content
// addresses with renditions for the site; the newsroom's queries and API; the publish check for
// alt text. Other domains import only from here.

export { mediaContextFor, type Actor, type MediaContext, type MediaLimits } from './media-context.ts';
export { uploadImage, type UploadImageInput, type UploadedImage } from './upload-image.ts';
export { updateImageTexts, type UpdateImageTextsInput } from './update-image-texts.ts';
export { findImage, listMedia, listRenditions, MEDIA_PAGE_SIZE, type MediaImage, type MediaPage, type Rendition } from './media-queries.ts';
export { imagesMissingAlt } from './images-missing-alt.ts';
export { pictureSources, STORY_IMAGE_SIZES, type PictureSource, type PictureSources } from './picture-sources.ts';
export { registerMediaApi, type MediaAction, type MediaApiOptions } from './media-api.ts';
export { presentImage, type PresentedImage } from './media-presenter.ts';
export { RENDITION_WIDTHS } from './process-image.ts';
export type { ImageTextInput, ImageTexts } from './image-texts-input.ts';
