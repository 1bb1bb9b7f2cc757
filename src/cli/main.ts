// The `dispatch` command. Each subcommand is a thin shell over a domain function; failures a
// person can fix are printed as one line and exit with status 1.

import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { readStamp } from '../../bin/build-freshness.js';
import { isAppError } from '../lib/errors.ts';
import { loadConfig } from '../lib/config.ts';
import { describeTarget } from '../db/database-url.ts';
import { migrateToLatest, migrationStatus } from '../db/migrate.ts';
import { addUser, listUsers, resetPassword, ROLES } from '../newsroom/index.ts';
import { loadDemoAgency } from '../demo/load-demo-agency.ts';
import { serve } from './serve.ts';
import { contentContext, withDatabase } from './runtime.ts';
import { reindexSearch } from './search-index.ts';

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new InvalidArgumentError('must be a positive whole number');
  }
  return Number(value);
}

const out = (text: string) => process.stdout.write(`${text}\n`);

/** `dispatch --version`: the version, and whether this is the build (of when) or the sources. */
function versionLine(): string {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const builtAt = (readStamp() as { builtAt?: string } | undefined)?.builtAt;
  return `dispatch ${version}, running ${process.env.DISPATCH_RUN === 'build' ? `the build made at ${builtAt ?? '(unknown)'}` : 'the TypeScript sources'}`;
}

export function buildProgram(): Command {
  const program = new Command('dispatch')
    .description('Dispatch, the publishing system of a multilingual news agency.\nSettings come from the environment (HOST, PORT, DATABASE_URL, ...) and an optional dispatch.config.json.')
    .version(versionLine(), '-V, --version', 'print the version, and whether the build in dist/ or the sources run')
    .showHelpAfterError();

  program
    .command('serve')
    .description('serve the newsroom, the public site and the wire over HTTP (creates and migrates the database, and on first start loads the demo agency and an admin account)')
    .option('--workers <n>', `processes sharing the port, each serving HTTP and running jobs (default: one per core, here ${availableParallelism()}; 1 serves from this process alone)`, positiveInteger, availableParallelism())
    .addHelpText('after', '\nSIGINT or SIGTERM stops every worker cleanly; a worker that dies is started again.\nSIGHUP re-reads the site settings, rubrics and static pages in every process.\nThe processes tell each other what changed: through the primary on SQLite, by LISTEN/NOTIFY on PostgreSQL\n(which also reaches Dispatch processes on other machines sharing the database).')
    .action((options: { workers: number }) => serve(options));

  const db = program.command('db').description('the database: its schema migrations');
  db.command('migrate')
    .description('apply every pending migration')
    .action(() =>
      withDatabase(async (_config, database) => {
        const applied = await migrateToLatest(database);
        out(applied.length === 0 ? `${database.description}: up to date` : `${database.description}: applied ${applied.join(', ')}`);
      }, false),
    );
  db.command('status')
    .description('list applied and pending migrations')
    .action(() =>
      withDatabase(async (_config, database) => {
        const status = await migrationStatus(database);
        out(database.description);
        for (const name of status.applied) out(`  applied  ${name}`);
        for (const name of status.pending) out(`  pending  ${name}`);
        if (status.pending.length > 0) process.exitCode = 2;
      }, false),
    );

  const user = program.command('user').description('newsroom accounts');
  user.command('add')
    .description('create an account; prints its one-time password')
    .requiredOption('--login <login>', 'login name (lower-case letters, digits, . _ -)')
    .requiredOption('--name <name>', 'full name as shown in the newsroom')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--email <email>', 'e-mail address')
    .action((options: { login: string; name: string; role: string; email?: string }) =>
      withDatabase(async (_config, database) => {
        const { user: created, password } = await addUser(database.db, options);
        out(`Created ${created.login} (${created.role}). One-time password, shown only now: ${password}`);
      }),
    );
  user.command('reset-password')
    .description('give an account a new one-time password and end all its sessions')
    .argument('<login>', 'the account')
    .action((login: string) =>
      withDatabase(async (_config, database) => {
        const password = await resetPassword(database.db, login);
        out(`New one-time password for ${login}, shown only now: ${password}`);
        out(`Every session of ${login} has ended.`);
      }),
    );
  user.command('list')
    .description('list the accounts')
    .action(() =>
      withDatabase(async (_config, database) => {
        const users = await listUsers(database.db);
        for (const u of users) out(`${u.login.padEnd(20)} ${u.role.padEnd(13)} ${u.name}${u.disabled ? ' (disabled)' : ''}${u.mustChangePassword ? ' (one-time password)' : ''}`);
        if (users.length === 0) out('no accounts');
      }),
    );

  program
    .command('demo')
    .description('load the demo agency into an empty database, or with --stories generate synthetic stories for benchmarks')
    .option('--stories <n>', 'generate this many synthetic stories', positiveInteger)
    .option('--seed <n>', 'seed of the synthetic generator (same seed, same stories)', positiveInteger, 1)
    .option('--quiet', 'no progress bar')
    .action((options: { stories?: number; seed: number; quiet?: boolean }) =>
      withDatabase(async (config, database) => {
        const context = contentContext(config, database);
        if (options.stories === undefined) {
          const result = await loadDemoAgency(context, config.mediaDir);
          out(`Loaded the demo agency: ${result.stories} stories.`);
          return;
        }
        const { generateSyntheticStories } = await import('../demo/synthetic/generate.ts');
        const result = await generateSyntheticStories(context, { stories: options.stories, seed: options.seed, progress: !options.quiet });
        out(`Generated ${result.stories} synthetic stories (${result.versions} language versions) in ${(result.milliseconds / 1000).toFixed(1)} s.`);
        const indexed = await reindexSearch(database, !options.quiet);
        out(`Indexed ${indexed.documents} language versions for search in ${(indexed.milliseconds / 1000).toFixed(1)} s.`);
      }),
    );

  const search = program.command('search').description('the archive search index');
  search.command('reindex')
    .description('rebuild the search index from the stories; search keeps answering from the old index until the new one is complete')
    .option('--quiet', 'no progress bar')
    .action((options: { quiet?: boolean }) =>
      withDatabase(async (_config, database) => {
        const result = await reindexSearch(database, !options.quiet);
        out(`Indexed ${result.stories} stories (${result.documents} language versions) in ${(result.milliseconds / 1000).toFixed(1)} s; generation ${result.generation} is live.`);
      }),
    );

  const config = program.command('config').description('the configuration');
  config.command('check')
    .description('validate the settings and print them (passwords hidden)')
    .action(() => {
      const settings = loadConfig();
      out(`config file:      ${settings.configFile ?? '(none)'}`);
      out(`listen:           ${settings.host}:${settings.port}`);
      out(`public URL:       ${settings.publicUrl}`);
      out(`database:         ${describeTarget(settings.database)}`);
      out(`media folder:     ${settings.mediaDir}`);
      out(`upload limits:    ${settings.mediaMaxBytes} bytes, ${settings.mediaMaxPixels} pixels`);
      out(`languages:        ${settings.languages.map((l) => `${l.code} (${l.label})`).join(', ')}; default ${settings.defaultLanguage}`);
      out(`log level:        ${settings.logLevel}`);
      out(`demo on 1st start: ${settings.loadDemoOnFirstStart ? 'yes' : 'no'}`);
      out('configuration is valid');
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (isAppError(error)) {
      process.stderr.write(`dispatch: ${error.message}\n`);
    } else {
      process.stderr.write(`dispatch: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
    }
    process.exitCode = 1;
  }
}

await runCli(process.argv);
