// What a language version needs before readers may see it: a headline, a lede, a rubric named in
// its language, and alt text in its language for the lead image and every image in the body (the
// media library's imagesMissingAlt says which lack it).

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { imagesMissingAlt } from '../../media/index.ts';
import { AppError } from '../../lib/errors.ts';
import type { WorkflowVersion } from './version-rows.ts';

export interface PublicationProblem {
  field: string;
  problem: string;
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

  for (const imageId of await imagesMissingAlt(trx, version.storyId, version.language)) {
    const field = imageId === version.leadImageId ? 'leadImageId' : `body.image.${imageId}`;
    problems.push({ field, problem: `image ${imageId} has no alt text in ${version.language}` });
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
