// The story page at /<lang>/<rubric>/<id>-<slug>. A former slug, a wrong rubric or a bare id answer
// 301 to the current address; /<lang>/<rubric>/<former-slug> too; a killed story 410; a story
// readers may not see (draft, embargoed, scheduled) 404.

import type { FastifyInstance } from 'fastify';
import { findImagesForPage, findStoryIdBySlug, findVersionForPage, findVersionForPreview, listBylineAndTags, type PageVersion, renderDocumentHtml, type StoryDocument, type VisibleTranslation } from '../../content/index.ts';
import { buildChrome } from '../chrome.ts';
import { sendErrorPage, sendHtml, type Site } from '../site-deps.ts';
import { authorPath, homePath, rubricPath, storyPath, tagPath } from '../paths.ts';
import { imageView, keptStoryItem, mediaPath, withPicture } from '../story-items.ts';
import { listRenditions, pictureSources, STORY_IMAGE_SIZES, type PictureSources } from '../../media/index.ts';
import { renderStoryPage } from '../views/story-page.ts';
import { breadcrumbListJsonLd, newsArticleJsonLd } from '../views/structured-data.ts';
import type { ShareLink, StoryPageView } from '../views/view-models.ts';

const STORY_SEGMENT = /^(\d{1,10})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
const SLUG_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const OTHER_MATERIALS = 12;

function shareLinks(url: string, headline: string, shareOn: (network: string) => string): ShareLink[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(headline);
  return [
    { network: 'vk', label: shareOn('VK'), href: `https://vk.com/share.php?url=${u}&title=${t}` },
    { network: 'telegram', label: shareOn('Telegram'), href: `https://t.me/share/url?url=${u}&text=${t}` },
    { network: 'x', label: shareOn('X'), href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { network: 'facebook', label: shareOn('Facebook'), href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { network: 'odnoklassniki', label: shareOn('Odnoklassniki'), href: `https://connect.ok.ru/offer?url=${u}&title=${t}` },
  ];
}

function imageIdsOf(doc: StoryDocument): number[] {
  return doc.content.flatMap((block) => (block.type === 'image' ? [block.attrs.imageId] : []));
}

export function registerStoryRoute(app: FastifyInstance, site: Site): void {
  app.get<{ Params: { lang: string; rubric: string; story: string } }>('/:lang/:rubric/:story', async (request, reply) => {
    const { lang, rubric, story } = request.params;
    if (!site.directory.language(lang)) return sendErrorPage(site, reply, site.defaultLanguage, 404);
    const now = site.clock();
    const match = STORY_SEGMENT.exec(story);
    if (!match) {
      if (!SLUG_SEGMENT.test(story) || story.length > 120) return sendErrorPage(site, reply, lang, 404);
      const storyId = await findStoryIdBySlug(site.database.db, lang, story);
      if (storyId === undefined) return sendErrorPage(site, reply, lang, 404);
      const found = await findVersionForPage(site.database.db, lang, storyId, now);
      if (found.kind !== 'visible') return sendErrorPage(site, reply, lang, found.kind === 'killed' ? 410 : 404);
      return reply.redirect(storyPath(lang, found.version.rubricSlug, storyId, found.version.slug), 301);
    }
    const storyId = Number(match[1]);
    const found = await findVersionForPage(site.database.db, lang, storyId, now);
    if (found.kind !== 'visible') return sendErrorPage(site, reply, lang, found.kind === 'killed' ? 410 : 404);
    const version = found.version;
    if (match[2] !== version.slug || rubric !== version.rubricSlug) {
      return reply.redirect(storyPath(lang, version.rubricSlug, storyId, version.slug), 301);
    }
    return sendHtml(reply, 200, await renderStory(site, version, found.translations, now));
  });
}

/** The page a version would have on the site, whatever its status (for the newsroom's preview). */
export async function renderStoryPreview(site: Site, storyId: number, language: string): Promise<string | undefined> {
  if (!site.directory.language(language)) return undefined;
  const now = site.clock();
  const found = await findVersionForPreview(site.database.db, language, storyId, now);
  return found ? renderStory(site, found.version, found.translations, now) : undefined;
}

async function renderStory(site: Site, version: PageVersion, translations: VisibleTranslation[], now: Date): Promise<string> {
  const lang = version.language;
  const language = site.directory.language(lang)!;
  const strings = language.strings;
  const db = site.database.db;
  const body = JSON.parse(version.body) as StoryDocument;
  const imageIds = imageIdsOf(body);
  if (version.leadImageId !== null) imageIds.push(version.leadImageId);
  const rubric = site.directory.rubrics.find((r) => r.key === version.rubricKey);
  const [images, renditions, { tags, authors }, others] = await Promise.all([
    findImagesForPage(site, imageIds, lang),
    listRenditions(db, imageIds),
    listBylineAndTags(site, version.storyId, lang),
    rubric
      ? site.rubricHeadlines.latest({ language: lang, rubricId: rubric.id, exceptStoryId: version.storyId, limit: OTHER_MATERIALS, now })
      : Promise.resolve([]),
  ]);

  const path = storyPath(lang, version.rubricSlug, version.storyId, version.slug);
  const url = `${site.publicUrl}${path}`;
  const equivalents = Object.fromEntries(translations.map((t) => [t.language, storyPath(t.language, t.rubricSlug, version.storyId, t.slug)]));
  const fallbacks = Object.fromEntries(
    site.directory.codes.flatMap((code) => (rubric?.names[code] ? [[code, rubricPath(code, rubric.names[code]!.slug)]] : [])),
  );
  const rubricName = version.rubricName ?? '';
  const rubricLink = { text: rubricName, href: version.rubricSlug ? rubricPath(lang, version.rubricSlug) : homePath(lang) };
  const lead = version.leadImageId === null ? undefined : images.get(version.leadImageId);
  const pictures = new Map<number, PictureSources>([...renditions].map(([id, list]) => [id, pictureSources(list, mediaPath)]));
  // Social networks and search engines want a JPEG or PNG: the largest fallback rendition when there is one.
  const leadPicture = lead ? pictures.get(lead.id) : undefined;
  const leadShared = lead ? { url: `${site.publicUrl}${leadPicture?.src ?? mediaPath(lead.storageKey)}`, width: lead.width, height: lead.height } : undefined;
  const published = language.time.dateline(version.publishedAt!, now);
  // The stored correction's time and note (on the version row, so no extra query); versions
  // corrected before notes were stored fall back to their last change and the generic note.
  const corrected = version.status === 'corrected' ? language.time.dateline(version.correctedAt ?? version.updatedAt, now) : undefined;
  const lede = version.seoDescription ?? version.lede;
  const description = lede.length > 300 ? `${lede.slice(0, 297)}…` : lede;
  const siteName = site.directory.siteName(lang);
  const breadcrumbs = [{ text: strings.home, href: homePath(lang) }, rubricLink];

  const view: StoryPageView = {
    chrome: buildChrome(site, {
      language: lang,
      title: version.seoTitle ?? version.headline,
      description,
      path,
      equivalents,
      fallbacks,
      currentRubricId: rubric?.id,
      openGraph: {
        type: 'article',
        title: version.headline,
        description,
        image: lead && leadShared ? { ...leadShared, alt: lead.alt ?? '' } : undefined,
        publishedTime: published.iso,
        modifiedTime: corrected?.iso,
        section: rubricName,
        tags: tags.map((tag) => tag.name),
      },
      structuredData: [
        newsArticleJsonLd({
          url,
          headline: version.headline,
          description,
          language: lang,
          datePublished: published.iso,
          ...(corrected ? { dateModified: corrected.iso } : {}),
          images: leadShared ? [leadShared] : [],
          authors: authors.map((author) => ({ name: author.name, url: `${site.publicUrl}${authorPath(lang, author.key)}` })),
          section: rubricName,
          keywords: tags.map((tag) => tag.name),
          publisher: { name: siteName, url: `${site.publicUrl}${homePath(lang)}` },
        }),
        breadcrumbListJsonLd(breadcrumbs.map((crumb) => ({ name: crumb.text, url: `${site.publicUrl}${crumb.href}` }))),
      ],
    }),
    breadcrumbs,
    rubric: rubricLink,
    headline: version.headline,
    published,
    correction: corrected ? { text: version.correctionNote ?? strings.correctionNote, time: corrected } : undefined,
    lede: version.lede,
    leadImage: lead ? withPicture(imageView(lead), leadPicture, STORY_IMAGE_SIZES) : undefined,
    bodyHtml: renderDocumentHtml(body, {
      resolveImage: (id) => {
        const image = images.get(id);
        if (!image) return undefined;
        const picture = pictures.get(id);
        return {
          src: picture?.src ?? mediaPath(image.storageKey),
          width: image.width,
          height: image.height,
          ...(picture?.srcset ? { srcset: picture.srcset, sizes: STORY_IMAGE_SIZES, sources: picture.sources } : {}),
          alt: image.alt ?? undefined,
          caption: image.caption ?? undefined,
          credit: image.credit ?? undefined,
        };
      },
    }),
    tags: tags.map((tag) => ({ text: tag.name, href: tagPath(lang, tag.slug) })),
    byline: authors.map((author) => ({ text: author.name, href: authorPath(lang, author.key) })),
    share: shareLinks(url, version.headline, strings.shareOn),
    shareUrl: url,
    otherMaterials: {
      heading: strings.otherMaterials(rubricName),
      items: others.map((other) => keptStoryItem(site.directory, other, language, now)),
      more: { text: strings.allOfRubric(rubricName), href: rubricLink.href },
    },
  };
  return renderStoryPage(view);
}
