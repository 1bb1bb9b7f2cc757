// The ceiling of the benchmark: plain node:http answering the bytes it reads on standard input
// (an article page) from memory, with the same content type. Prints "ready" when listening.
import http from 'node:http';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const body = Buffer.concat(chunks);
const port = Number(process.argv[2]);
http
  .createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    response.end(body);
  })
  .listen(port, '127.0.0.1', () => process.stdout.write('ready\n'));
