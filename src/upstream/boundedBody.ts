import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';

/**
 * An answer's body as text, never holding more than `maxBytes` of it: a declared `content-length` over the
 * limit is refused before a byte is read, and a body that streams past it is refused at the chunk that
 * crosses it. A refused body is destroyed, which makes undici drop its connection rather than reuse it.
 */
export async function readBoundedText(body: Readable, contentLength: string | string[] | undefined, maxBytes: number, tooLarge: () => Error): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const refuse = () => {
    chunks.length = 0;
    body.destroy(tooLarge());
  };
  // Plain 'data' events take each chunk as it arrived (an async iterator would copy chunks together).
  body.on('data', (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > maxBytes) refuse();
    else chunks.push(chunk);
  });
  if (Number(contentLength) > maxBytes) refuse();
  await finished(body);
  return Buffer.concat(chunks, bytes).toString('utf8');
}
