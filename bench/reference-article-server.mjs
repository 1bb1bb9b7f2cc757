// The reference for the article page without the page cache: the simplest honest program doing the
// same work as Dispatch's story page on the same archive, so `npm run bench` can give Dispatch's
// figure as a share of what this machine allows in the same run (as the node:http ceiling does for
// cache hits). Plain node:http and better-sqlite3 (read-only, the whole file memory-mapped, as
// Dispatch reads), per request three prepared statements (the version with its rubric, the
// story's translations, the rubric's six latest other stories by the covering index), the body's
// document parsed and written as paragraphs, every text escaped, and the page padded to the size of
// Dispatch's page (the bytes of its header, navigation and styles, which this program does not
// make). What it leaves out (tags, byline, images, structured data, ETag, metrics, logging) is what
// Dispatch's figure pays for beyond it. Not a test; only the benchmark starts it.
//
//   REFERENCE_PAGE_BYTES=21000 node bench/reference-article-server.mjs <port> <archive.db> [processes]
import cluster from 'node:cluster';
import http from 'node:http';
import BetterSqlite3 from 'better-sqlite3';

const port = Number(process.argv[2]);
const archive = process.argv[3];
const processes = Math.max(1, Number(process.argv[4] ?? 1));
const pageBytes = Number(process.env.REFERENCE_PAGE_BYTES ?? 0);

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text) => (/[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text);

function serve(onListening) {
  const db = new BetterSqlite3(archive, { readonly: true, fileMustExist: true });
  db.pragma('mmap_size = 17179869184');
  const version = db.prepare(
    `select v.story_id, v.language, v.rubric_id, v.headline, v.lede, v.body, v.slug, v.status, v.published_at, rn.slug as rubric_slug, rn.name as rubric_name
     from story_versions v join rubric_names rn on rn.rubric_id = v.rubric_id and rn.language = v.language
     where v.story_id = ? and v.language = ?`,
  );
  const translations = db.prepare(`select language, slug from story_versions where story_id = ? and status in ('published', 'corrected')`);
  const others = db.prepare(
    `select story_id, headline, slug, published_at from story_versions
     where rubric_id = ? and language = ? and status in ('published', 'corrected') and story_id <> ?
     order by published_at desc, story_id desc limit 6`,
  );
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'long', timeZone: 'Europe/Minsk' });
  http
    .createServer((request, response) => {
      const match = /^\/([a-z]{2})\/[^/]+\/(\d+)-/.exec(request.url ?? '');
      const row = match ? version.get(Number(match[2]), match[1]) : undefined;
      if (!row || (row.status !== 'published' && row.status !== 'corrected')) {
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not found');
        return;
      }
      let paragraphs = '';
      for (const block of JSON.parse(row.body).content ?? []) {
        let text = '';
        for (const inline of block.content ?? []) if (typeof inline.text === 'string') text += escape(inline.text);
        paragraphs += `<p>${text}</p>\n`;
      }
      const switcher = translations.all(row.story_id).map((t) => `<a hreflang="${t.language}" href="/${t.language}/${escape(row.rubric_slug)}/${row.story_id}-${escape(t.slug)}">${t.language}</a>`).join(' | ');
      const list = others.all(row.rubric_id, row.language, row.story_id)
        .map((o) => `<li><a href="/${row.language}/${escape(row.rubric_slug)}/${o.story_id}-${escape(o.slug)}">${escape(o.headline)}</a> <time>${time.format(new Date(o.published_at))}</time></li>`)
        .join('\n');
      let page = `<!doctype html><html lang="${row.language}"><head><meta charset="utf-8"><title>${escape(row.headline)}</title></head><body>
<nav>${switcher}</nav><a href="/${row.language}/${escape(row.rubric_slug)}/">${escape(row.rubric_name)}</a>
<h1>${escape(row.headline)}</h1><time datetime="${row.published_at}">${time.format(new Date(row.published_at))}</time>
<p class="lede">${escape(row.lede)}</p>\n${paragraphs}<h2>${escape(row.rubric_name)}</h2><ul>${list}</ul>`;
      const missing = pageBytes - Buffer.byteLength(page) - 15;
      if (missing > 7) page += `<!--${'x'.repeat(missing - 7)}-->`;
      page += '</body></html>';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'public, max-age=0' });
      response.end(page);
    })
    .listen(port, '127.0.0.1', onListening);
}

if (cluster.isPrimary && processes > 1) {
  let listening = 0;
  for (let i = 0; i < processes; i++) cluster.fork();
  cluster.on('listening', () => {
    if (++listening === processes) process.stdout.write('ready\n');
  });
} else {
  serve(() => {
    if (cluster.isPrimary) process.stdout.write('ready\n');
  });
}
