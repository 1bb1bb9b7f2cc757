// What happens the first time Dispatch starts on an empty database: the demo agency is loaded
// (unless switched off) and an administrator account is created, whose one-time password is
// shown once, here, and never stored in clear.

import { type ContentContext } from '../content/index.ts';
import { addUser, countUsers } from '../newsroom/index.ts';
import { loadDemoAgency, type DemoLoadResult } from '../demo/load-demo-agency.ts';

export interface FirstStartResult {
  demo: DemoLoadResult | undefined;
  admin: { login: string; password: string };
}

export async function isFirstStart(context: ContentContext): Promise<boolean> {
  return (await countUsers(context.database.db)) === 0;
}

export async function prepareFirstStart(context: ContentContext, options: { loadDemo: boolean; mediaDir: string }): Promise<FirstStartResult> {
  const hasStories = await context.database.db.selectFrom('stories').select('id').limit(1).executeTakeFirst();
  const demo = options.loadDemo && !hasStories ? await loadDemoAgency(context, options.mediaDir) : undefined;
  const { user, password } = await addUser(context.database.db, { login: 'admin', name: 'Administrator', role: 'chief_editor' }, context.clock());
  return { demo, admin: { login: user.login, password } };
}

export function describeFirstStart(result: FirstStartResult, url: string): string {
  const lines = [''];
  if (result.demo) {
    const perLanguage = Object.entries(result.demo.versions).map(([language, n]) => `${n} ${language}`).join(', ');
    lines.push(`Loaded the demo agency: ${result.demo.stories} stories (${perLanguage}).`);
  }
  lines.push(
    'Created the administrator account. Write the password down now: it is shown only this once.',
    `  login:    ${result.admin.login}`,
    `  password: ${result.admin.password}`,
    `  (one-time: you choose your own at the first login to the newsroom, ${url}/newsroom)`,
    '',
  );
  return lines.join('\n');
}
