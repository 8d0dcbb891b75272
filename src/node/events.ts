/** Events files and standard input as streams of text pieces (node only): `match` and `test` read them so. */
import { closeSync, openSync, readSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { resolve } from 'node:path';
import { SigmaError } from '../errors.js';
import { ioReason } from './files.js';

/**
 * Pieces of 16 KiB: the events of a piece are evaluated while it is alive, so larger ones outlive scavenges
 * and fill the old generation (64 KiB pieces: +25 MiB at the peak, 256 KiB: +110 MiB).
 */
const PIECE = 1 << 14;

/**
 * A file's bytes in pieces, read synchronously: a read of 16 KiB from the page cache takes microseconds, while an
 * asynchronous one waits for the event loop's next turn (~80 µs a piece here, 8% of a run, even read ahead).
 */
function* fileBytes(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(PIECE);
    for (;;) {
      const read = readSync(fd, buffer, 0, PIECE, null);
      if (read === 0) break;
      // The caller decodes the piece before asking for the next one: the buffer is free again by then.
      yield buffer.subarray(0, read);
    }
  } finally {
    closeSync(fd);
  }
}

/** The text of an events file (`-`: standard input) in pieces, decoded as UTF-8 across piece boundaries. */
export async function* readTextPieces(path: string, cwd: string, stdin?: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let source: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array>;
  if (path === '-') {
    if (stdin === undefined) throw new SigmaError('io', 'standard input is not available here', { file: '-' });
    source = stdin;
  } else source = fileBytes(resolve(cwd, path));
  try {
    for await (const piece of source) yield typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
  } catch (e) {
    throw new SigmaError('io', `cannot read events file ${path}: ${ioReason(e)}`, { file: path });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
