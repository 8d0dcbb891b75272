/** Events files and standard input as streams of text pieces (node only): `match` and `test` read them so. */
import { open } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { resolve } from 'node:path';
import { SigmaError } from '../errors.js';
import { ioReason } from './files.js';

/**
 * Pieces of 16 KiB: the events of a piece are evaluated while it is alive, so larger ones outlive scavenges
 * and fill the old generation (64 KiB pieces: +25 MiB at the peak, 256 KiB: +110 MiB).
 */
const PIECE = 1 << 14;

/** A file's bytes in pieces, the next one read while the caller works on the one before. */
async function* fileBytes(path: string): AsyncGenerator<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(PIECE), Buffer.allocUnsafe(PIECE)];
    let turn = 0;
    let next = file.read(buffers[0] as Buffer, 0, PIECE, null);
    for (;;) {
      const { bytesRead, buffer } = await next;
      if (bytesRead === 0) break;
      turn ^= 1;
      next = file.read(buffers[turn] as Buffer, 0, PIECE, null);
      // The caller decodes the piece before asking for the next one: its buffer is free by then.
      yield buffer.subarray(0, bytesRead);
    }
    // A read still under way when the caller stops early (no more reads are started after it).
    await next.catch(() => undefined);
  } finally {
    await file.close();
  }
}

/** The text of an events file (`-`: standard input) in pieces, decoded as UTF-8 across piece boundaries. */
export async function* readTextPieces(path: string, cwd: string, stdin?: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let source: AsyncIterable<string | Uint8Array>;
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
