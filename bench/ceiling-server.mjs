// The ceiling of the benchmark: plain node:http answering the bytes it reads on standard input
// (an article page) from memory, with the headers Dispatch sent with it (a JSON object in
// CEILING_HEADERS: content type, ETag, Cache-Control, Surrogate-Key...), so the same bytes go out,
// in as many processes sharing the port as Dispatch runs (node:cluster, as `dispatch serve
// --workers N` does). Prints "ready" when every process listens.
//
//   CEILING_HEADERS='{"content-type":"text/html"}' node bench/ceiling-server.mjs <port> [processes]
import cluster from 'node:cluster';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

const port = Number(process.argv[2]);
const processes = Math.max(1, Number(process.argv[3] ?? 1));

const headers = { 'content-type': 'text/html; charset=utf-8', ...JSON.parse(process.env.CEILING_HEADERS ?? '{}') };

function serve(body, onListening) {
  const sent = { ...headers, 'content-length': body.length };
  http
    .createServer((_request, response) => {
      response.writeHead(200, sent);
      response.end(body);
    })
    .listen(port, '127.0.0.1', onListening);
}

if (cluster.isPrimary) {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const body = Buffer.concat(chunks);
  if (processes === 1) {
    serve(body, () => process.stdout.write('ready\n'));
  } else {
    // The workers read the bytes from a file (a message sent before an ES module worker listens is lost).
    const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-ceiling-'));
    const file = path.join(dir, 'body');
    writeFileSync(file, body);
    let listening = 0;
    for (let i = 0; i < processes; i++) {
      cluster.fork({ CEILING_BODY_FILE: file }).on('listening', () => {
        if (++listening === processes) process.stdout.write('ready\n');
      });
    }
    process.on('SIGTERM', () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
      rmSync(dir, { recursive: true, force: true });
      process.exit(0);
    });
  }
} else {
  serve(readFileSync(process.env.CEILING_BODY_FILE));
  process.once('disconnect', () => process.exit(0));
}
