// A platform that answers every request with SIZE bytes of generated body, chunked (no content-length),
// as fast as the reader takes them. It never holds more than one 64 KiB chunk: the bytes are made up.
// GET /stats answers what it has served. Prints its base URL once it listens.
import { createServer } from 'node:http';

const SIZE = Number(process.env.ANSWER_BYTES ?? 500 * 2 ** 20);
const chunk = Buffer.alloc(64 * 1024, '[0,1,2,3,4,5,6,7,8,9],');
const stats = { answers: 0, finished: 0, cutOff: 0, bytesSent: 0 };

const server = createServer((request, response) => {
  request.resume();
  if (request.url === '/stats') return void response.end(JSON.stringify(stats));
  stats.answers += 1;
  response.on('close', () => (response.writableFinished ? (stats.finished += 1) : (stats.cutOff += 1)));
  response.writeHead(200, { 'content-type': 'application/json' });
  let left = SIZE;
  const pump = () => {
    while (left > 0 && !response.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      stats.bytesSent += piece.length;
      if (!response.write(piece)) return void response.once('drain', pump);
    }
    if (left === 0) response.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${server.address().port}`));
