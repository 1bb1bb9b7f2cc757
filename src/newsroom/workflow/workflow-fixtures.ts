// Shared set-up of the workflow's integration tests: a context whose clock the test moves and
// whose events it records, newsroom users of every role, and a rubric to write stories in.

import type { Database } from '../../db/database.ts';
import { createRubric, createStory, documentFromText, type LanguageVersionInput } from '../../content/index.ts';
import type { Role } from '../roles.ts';
import type { UserActor } from './actor.ts';
import { createStoryEvents, type StoryChanged } from './story-events.ts';
import type { WorkflowContext } from './workflow-context.ts';

export const LANGUAGES = ['ru', 'en', 'be'];

export function movableWorkflowContext(database: () => Database, start: string) {
  let now = new Date(start);
  const events: StoryChanged[] = [];
  const bus = createStoryEvents();
  bus.onStoryChanged((event) => events.push(event));
  const context: WorkflowContext = {
    get database() {
      return database();
    },
    languages: LANGUAGES,
    clock: () => now,
    events: bus,
  };
  return {
    context,
    events,
    setNow: (iso: string) => void (now = new Date(iso)),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
  };
}

let counter = 0;

export async function addTestUser(database: Database, role: Role): Promise<UserActor> {
  const n = ++counter;
  const at = '2026-01-01T00:00:00.000Z';
  const { id } = await database.db
    .insertInto('users')
    .values({ login: `${role.replace('_', '-')}-${n}`, name: `${role} ${n}`, email: null, role, password_hash: 'not-a-hash', must_change_password: 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: id, role };
}

export async function newsroom(context: WorkflowContext) {
  const database = context.database;
  const n = ++counter;
  const rubric = await createRubric(context, { key: `economics-${n}`, names: { ru: `Экономика ${n}`, en: `Economics ${n}`, be: `Эканоміка ${n}` } });
  return {
    rubric,
    reporter: await addTestUser(database, 'reporter'),
    otherReporter: await addTestUser(database, 'reporter'),
    translator: await addTestUser(database, 'translator'),
    editor: await addTestUser(database, 'editor'),
    chief: await addTestUser(database, 'chief_editor'),
  };
}

export function draftVersion(language: string, headline: string, extra: Partial<LanguageVersionInput> = {}): LanguageVersionInput {
  return { language, headline, lede: `Lede of ${headline}`, body: documentFromText([`Body of ${headline}.`]), ...extra };
}

/** A story written by `author` with draft versions in `languages`. */
export async function draftStory(
  context: WorkflowContext,
  rubricId: number,
  author: UserActor,
  headline: string,
  languages: readonly string[] = ['ru'],
  extra: { tagIds?: number[]; authorIds?: number[]; leadImageId?: number } = {},
): Promise<number> {
  const { id } = await createStory(context, {
    rubricId,
    createdBy: author.userId,
    ...extra,
    versions: languages.map((language) => draftVersion(language, `${headline} ${language}`)),
  });
  return id;
}
