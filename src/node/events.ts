/** Events files and standard input as streams of text pieces (node only): `match` and `test` read them so. */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { SigmaError } from '../errors.js';
import { ioReason } from './files.js';

/** The text of an events file (`-`: standard input) in pieces, decoded as UTF-8 across piece boundaries. */
export async function* readTextPieces(path: string, cwd: string, stdin?: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let source: AsyncIterable<string | Uint8Array>;
  if (path === '-') {
    if (stdin === undefined) throw new SigmaError('io', 'standard input is not available here', { file: '-' });
    source = stdin;
  } else source = createReadStream(resolve(cwd, path), { highWaterMark: 1 << 14 });
  try {
    for await (const piece of source) yield typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  } catch (e) {
    throw new SigmaError('io', `cannot read events file ${path}: ${ioReason(e)}`, { file: path });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
