// `npm run lighthouse`: Lighthouse scores of the public site. Starts `dispatch serve` on a fresh
// SQLite database (the demo agency loads on the first start), finds the English home, an English
// story, that story's rubric page and the Russian home, and audits each with Lighthouse in Debian's
// headless Chromium: performance, accessibility, best practices and SEO, in the mobile preset
// (Lighthouse's default: a mid-range phone on simulated slow 4G) and the desktop preset.
// Prints a table of scores with the failing audits of each page, and records it in
// bench/lighthouse/latest.md and bench/lighthouse/<time>.json.
//
//   npm run lighthouse -- [--preset mobile|desktop|both] [--base-url http://127.0.0.1:3000]
//
// --base-url audits a server that is already running instead of starting one. Chromium is
// /usr/bin/chromium (installed with apt-get when missing and run as root) unless CHROMIUM_PATH says otherwise.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
// chrome-launcher is Lighthouse's own launcher (a dependency of the pinned lighthouse package).
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import type { Config, Flags, Result } from 'lighthouse';
import { freePort, startServer, type RunningServer } from '../src/testing/cli.ts';
import { ensureChromium } from './test-setup.ts';
import { CHROMIUM_FLAGS } from '../e2e/browser.ts';

const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'lighthouse');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
const CATEGORY_NAMES: Record<Category, string> = {
  performance: 'Performance',
  accessibility: 'Accessibility',
  'best-practices': 'Best practices',
  seo: 'SEO',
};
/** Lighthouse's own line: an audit scoring under 0.9 is shown as failed (or needing work). */
const PASS_SCORE = 0.9;
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_FLAGS];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const;

type Preset = 'mobile' | 'desktop';

const { values: args } = parseArgs({
  options: {
    preset: { type: 'string', default: 'both' },
    'base-url': { type: 'string' },
  },
});
if (!['mobile', 'desktop', 'both'].includes(args.preset!)) throw new Error('--preset must be mobile, desktop or both');
const PRESETS: Preset[] = args.preset === 'both' ? ['mobile', 'desktop'] : [args.preset as Preset];

interface PageToAudit {
  name: string;
  url: string;
  /** Why the page is not audited (not found on the site yet, for instance). */
  unavailable?: string;
}

interface FailingAudit {
  id: string;
  category: Category;
  title: string;
  score: number;
  weight: number;
  displayValue?: string | undefined;
  /** Up to three places where it fails: an element, a URL, a console message. */
  examples?: string[] | undefined;
}

interface Run {
  page: string;
  url: string;
  preset: Preset;
  /** 0–100 per category; null when Lighthouse could not score it. */
  scores?: Record<Category, number | null>;
  metrics?: Record<string, string | undefined>;
  failing?: FailingAudit[];
  warnings?: string[];
  error?: string;
}

// ---- finding the pages -------------------------------------------------------------------------

async function getPage(url: string): Promise<{ status: number; html: string; finalUrl: string }> {
  const response = await fetch(url, { headers: { accept: 'text/html', 'accept-language': 'en' } });
  return { status: response.status, html: await response.text(), finalUrl: response.url };
}

function sameOriginPaths(html: string, base: string): string[] {
  const origin = new URL(base).origin;
  const paths: string[] = [];
  for (const match of html.matchAll(/<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = (match[1] ?? match[2] ?? '').replace(/&amp;/g, '&');
    try {
      const url = new URL(href, base);
      if (url.origin === origin) paths.push(url.pathname);
    } catch {
      // not a URL: ignore
    }
  }
  return [...new Set(paths)];
}

async function findPages(base: string): Promise<PageToAudit[]> {
  const pages: PageToAudit[] = [];
  const home = async (language: string, name: string) => {
    const url = `${base}/${language}/`;
    const page = await getPage(url);
    pages.push(page.status === 200 ? { name, url } : { name, url, unavailable: `HTTP ${page.status}` });
    return page;
  };
  const enHome = await home('en', 'English home');
  const storyPath = sameOriginPaths(enHome.html, enHome.finalUrl).find((p) => /^\/en\/[a-z0-9-]+\/\d+-[a-z0-9-]+$/.test(p));
  if (!storyPath) {
    pages.push({ name: 'English story', url: `${base}/en/`, unavailable: 'no story link on the English home' });
    pages.push({ name: 'English rubric', url: `${base}/en/`, unavailable: 'no story link to take a rubric from' });
  } else {
    const storyUrl = `${base}${storyPath}`;
    const story = await getPage(storyUrl);
    pages.push(story.status === 200 ? { name: 'English story', url: storyUrl } : { name: 'English story', url: storyUrl, unavailable: `HTTP ${story.status}` });
    // The story's own rubric: /en/<rubric>/ as its address says.
    const rubricUrl = `${base}${storyPath.replace(/\/[^/]+$/, '/')}`;
    const rubric = await getPage(rubricUrl);
    pages.push(rubric.status === 200 ? { name: 'English rubric', url: rubricUrl } : { name: 'English rubric', url: rubricUrl, unavailable: `HTTP ${rubric.status}` });
  }
  await home('ru', 'Russian home');
  return pages;
}

// ---- running Lighthouse ------------------------------------------------------------------------

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null;
const oneLine = (text: string, max = 140) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** One row of an audit's details table, as a developer would look for it: element, URL or message. */
function describeItem(item: Loose): string | undefined {
  const node = [item.node, item.source].find((value) => isObject(value) && value.type === 'node') as Loose | undefined;
  const reasons = isObject(item.subItems) && Array.isArray(item.subItems.items)
    ? (item.subItems.items as unknown[]).map((sub) => (isObject(sub) && typeof sub.reason === 'string' ? sub.reason : undefined)).filter(Boolean)
    : [];
  const location = isObject(item.sourceLocation) && typeof item.sourceLocation.url === 'string' ? item.sourceLocation.url : undefined;
  const url = typeof item.url === 'string' ? item.url : location;
  // Why first, then where: a long element or URL is what gets cut.
  const why = [...reasons, typeof item.description === 'string' ? item.description : undefined].filter((part): part is string => typeof part === 'string' && part !== '');
  const where = node && typeof node.snippet === 'string' ? node.snippet : url;
  const text = [why.join('; '), where].filter((part) => part !== undefined && part !== '').join(': ');
  return text !== '' ? oneLine(text) : undefined;
}

function auditExamples(details: unknown): string[] | undefined {
  if (!isObject(details)) return undefined;
  let examples: string[] = [];
  if (details.type === 'checklist' && isObject(details.items)) {
    examples = Object.values(details.items).filter((check) => isObject(check) && check.value === false).map((check) => String((check as Loose).label));
  } else if ((details.type === 'table' || details.type === 'opportunity') && Array.isArray(details.items)) {
    examples = details.items.filter(isObject).map(describeItem).filter((text): text is string => text !== undefined);
  } else if (details.type === 'list' && Array.isArray(details.items)) {
    // Sections of tables (insights): the first rows of each.
    examples = details.items.flatMap((section) => (isObject(section) ? auditExamples(section.type === 'list-section' ? section.value : section) ?? [] : []));
  }
  examples = [...new Set(examples)].slice(0, 3);
  return examples.length > 0 ? examples : undefined;
}

function failingAudits(lhr: Result): FailingAudit[] {
  // Performance insights replace older audits that say the same (as the HTML report shows them).
  const replaced = new Set(Object.values(lhr.audits).flatMap((audit) => audit.replacesAudits ?? []));
  const failing: FailingAudit[] = [];
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || replaced.has(ref.id) || audit.score === null || audit.score >= PASS_SCORE) continue;
      if (!['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
      failing.push({ id: ref.id, category, title: audit.title, score: audit.score, weight: ref.weight, displayValue: audit.displayValue || undefined, examples: auditExamples(audit.details) });
    }
  }
  // Heaviest in the category score first, then the worst.
  return failing.sort((a, b) => CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || b.weight - a.weight || a.score - b.score);
}

async function audit(chromePath: string, page: PageToAudit, preset: Preset): Promise<Run> {
  const run: Run = { page: page.name, url: page.url, preset };
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
    const config: Config | undefined = preset === 'desktop' ? desktopConfig : undefined;
    const result = await lighthouse(page.url, flags, config);
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    run.scores = Object.fromEntries(
      CATEGORIES.map((category) => {
        const score = lhr.categories[category]?.score;
        return [category, typeof score === 'number' ? Math.round(score * 100) : null];
      }),
    ) as Record<Category, number | null>;
    run.metrics = Object.fromEntries(METRICS.map(([id, short]) => [short, lhr.audits[id]?.displayValue]));
    run.failing = failingAudits(lhr);
    if (lhr.runWarnings.length > 0) run.warnings = lhr.runWarnings;
  } catch (error) {
    run.error = (error as Error).message;
  } finally {
    chrome.kill();
  }
  return run;
}

// ---- the report --------------------------------------------------------------------------------

const cell = (score: number | null | undefined) => (score === null || score === undefined ? '—' : String(score));

function scoresTable(runs: Run[]): string {
  const lines = [
    '| page | preset | Performance | Accessibility | Best practices | SEO | FCP | LCP | TBT | CLS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const run of runs) {
    if (!run.scores) {
      lines.push(`| ${run.page} | ${run.preset} | error | | | | | | | |`);
      continue;
    }
    const m = run.metrics ?? {};
    lines.push(
      `| ${run.page} | ${run.preset} | ${CATEGORIES.map((c) => cell(run.scores![c])).join(' | ')} | ${m.FCP ?? '—'} | ${m.LCP ?? '—'} | ${m.TBT ?? '—'} | ${m.CLS ?? '—'} |`,
    );
  }
  return lines.join('\n');
}

/** Per page: the failing audits of each category, marked when only one preset fails them. */
function failingSection(pages: PageToAudit[], runs: Run[]): string {
  const out: string[] = [];
  for (const page of pages) {
    if (page.unavailable) continue;
    const pageRuns = runs.filter((run) => run.page === page.name);
    out.push(`### ${page.name} — ${new URL(page.url).pathname}`, '');
    for (const run of pageRuns) if (run.error) out.push(`- **${run.preset}: Lighthouse failed:** ${run.error}`);
    for (const run of pageRuns) for (const warning of run.warnings ?? []) out.push(`- ${run.preset} warning: ${warning}`);
    for (const category of CATEGORIES) {
      const byId = new Map<string, { audit: FailingAudit; presets: Preset[]; values: string[] }>();
      for (const run of pageRuns) {
        for (const item of run.failing ?? []) {
          if (item.category !== category) continue;
          const entry = byId.get(item.id) ?? { audit: item, presets: [], values: [] };
          entry.presets.push(run.preset);
          if (item.displayValue) entry.values.push(PRESETS.length > 1 ? `${run.preset} ${item.displayValue}` : item.displayValue);
          byId.set(item.id, entry);
        }
      }
      const scores = pageRuns.map((run) => (run.scores ? `${run.preset} ${cell(run.scores[category])}` : undefined)).filter(Boolean).join(', ');
      if (byId.size === 0) {
        out.push(`- **${CATEGORY_NAMES[category]}** (${scores}): nothing fails`);
        continue;
      }
      out.push(`- **${CATEGORY_NAMES[category]}** (${scores}):`);
      for (const { audit, presets, values } of byId.values()) {
        const only = PRESETS.length > 1 && presets.length === 1 ? ` *(${presets[0]} only)*` : '';
        const value = values.length > 0 ? ` — ${values.join('; ')}` : '';
        out.push(`  - ${audit.title}${value}${only} \`${audit.id}\``);
        for (const example of audit.examples ?? []) out.push(`    - \`${example.replace(/`/g, "'")}\``);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

/** The site's revision: the commit, "-dirty" when the work tree has changes; empty outside a git checkout. */
function siteRevision(): string {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: path.join(OUT_DIR, '..', '..'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function lighthouseVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('lighthouse/package.json') as { version: string }).version;
}

// ---- main --------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const chromePath = process.env.CHROMIUM_PATH || ensureChromium();
  const chromium = execFileSync(chromePath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n').pop()!;
  let server: RunningServer | undefined;
  let dir: string | undefined;
  let base = args['base-url']?.replace(/\/+$/, '');
  const runs: Run[] = [];
  let pages: PageToAudit[];
  try {
    if (!base) {
      dir = mkdtempSync(path.join(tmpdir(), 'dispatch-lighthouse-'));
      const port = await freePort();
      process.stderr.write('lighthouse: starting dispatch serve with the demo agency...\n');
      server = await startServer({
        port,
        timeoutMs: 180_000,
        env: {
          DATABASE_URL: path.join(dir, 'dispatch.db'),
          MEDIA_DIR: path.join(dir, 'media'),
          // Canonical and social URLs on the address Lighthouse loads, as in production.
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: 'warn',
        },
      });
      base = server.url;
    }
    pages = await findPages(base);
    for (const page of pages) {
      if (page.unavailable) {
        process.stderr.write(`lighthouse: ${page.name} (${page.url}) is not audited: ${page.unavailable}\n`);
        continue;
      }
      for (const preset of PRESETS) {
        process.stderr.write(`lighthouse: ${page.name}, ${preset}: ${page.url}\n`);
        runs.push(await audit(chromePath, page, preset));
      }
    }
  } finally {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }

  const when = new Date().toISOString();
  const version = lighthouseVersion();
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const presetText = PRESETS.map((preset) => (preset === 'mobile' ? 'mobile (Lighthouse default: emulated phone, simulated slow 4G and 4× CPU slowdown)' : 'desktop (Lighthouse desktop preset)')).join(' and ');
  const unavailable = pages.filter((page) => page.unavailable);
  const revision = siteRevision();
  const report = [
    `# Lighthouse ${when}`,
    '',
    `Lighthouse ${version} in ${chromium} (headless), ${presetText}; ${base === server?.url ? 'the demo agency on \`dispatch serve\` with SQLite at 127.0.0.1' : base}${revision ? ` (site at ${revision})` : ''}; ${machine}.`,
    'Scores 0–100 (90+ good); an audit fails when it scores under 0.9. Run with `npm run lighthouse`.',
    '',
    scoresTable(runs),
    '',
    ...(unavailable.length > 0 ? ['Not audited:', ...unavailable.map((page) => `- ${page.name} (${new URL(page.url).pathname}): ${page.unavailable}`), ''] : []),
    '## Failing audits',
    '',
    'Heaviest in the category score first.',
    '',
    failingSection(pages, runs),
  ].join('\n');
  process.stdout.write(`\n${report}`);
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'latest.md'), report);
  writeFileSync(
    path.join(OUT_DIR, `${when.slice(0, 19).replace(/:/g, '')}.json`),
    `${JSON.stringify({ when, revision, lighthouse: version, chromium, machine, presets: PRESETS, pages, runs }, null, 2)}\n`,
  );
  if (runs.some((run) => run.error)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`lighthouse: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
