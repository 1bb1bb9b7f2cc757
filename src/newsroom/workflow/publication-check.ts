// What a language version needs before readers may see it: a headline, a lede, a rubric named in
// its language, and alt text in its language for the lead image and every image in the body. The
// media library may replace the image part with its own check; the rule stays here.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { StoryDocument } from '../../content/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { WorkflowVersion } from './version-rows.ts';

export interface PublicationProblem {
  field: string;
  problem: string;
}

function bodyImages(body: StoryDocument): { imageId: number; alt: string | undefined }[] {
  return body.content.flatMap((block) => (block.type === 'image' ? [{ imageId: block.attrs.imageId, alt: block.attrs.alt }] : []));
}

export async function findPublicationProblems(trx: Kysely<Schema>, version: WorkflowVersion): Promise<PublicationProblem[]> {
  const problems: PublicationProblem[] = [];
  if (version.headline.trim() === '') problems.push({ field: 'headline', problem: 'is empty' });
  if (version.lede.trim() === '') problems.push({ field: 'lede', problem: 'is empty' });
  const rubricName = await trx
    .selectFrom('rubric_names')
    .select('name')
    .where('rubric_id', '=', version.rubricId)
    .where('language', '=', version.language)
    .executeTakeFirst();
  if (!rubricName) problems.push({ field: 'rubricId', problem: `the rubric has no name in ${version.language}` });

  const images = bodyImages(JSON.parse(version.body) as StoryDocument);
  const needAlt = images.filter((image) => !image.alt?.trim()).map((image) => ({ field: `body.image.${image.imageId}`, imageId: image.imageId }));
  if (version.leadImageId !== null) needAlt.push({ field: 'leadImageId', imageId: version.leadImageId });
  if (needAlt.length > 0) {
    const rows = await trx
      .selectFrom('image_texts')
      .select(['image_id', 'alt'])
      .where('image_id', 'in', needAlt.map((image) => image.imageId))
      .where('language', '=', version.language)
      .execute();
    const withAlt = new Set(rows.filter((row) => row.alt.trim() !== '').map((row) => row.image_id));
    for (const image of needAlt) {
      if (!withAlt.has(image.imageId)) problems.push({ field: image.field, problem: `image ${image.imageId} has no alt text in ${version.language}` });
    }
  }
  return problems;
}

export async function assertReadyToPublish(trx: Kysely<Schema>, version: WorkflowVersion): Promise<void> {
  const problems = await findPublicationProblems(trx, version);
  if (problems.length > 0) {
    throw new AppError('not_ready_to_publish', `The ${version.language} version cannot be published: ${problems.map((p) => `${p.field} ${p.problem}`).join('; ')}`, {
      details: { problems },
    });
  }
}
