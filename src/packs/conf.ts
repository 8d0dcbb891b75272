/**
 * Splunk `.conf` text: `[stanza]` sections of `key = value` lines. A value that spans lines is written as one
 * logical line with the conf continuation (a trailing ` \` before each line break), as contentctl's
 * `escapeNewlines` does. Nothing a rule holds stops a file from being written: a value ending with a backslash
 * gets a space after it (else the reader would join the next line to it), and a stanza name loses `[`/`]` (as
 * pySigma's savedsearches output does) and line breaks, which would end the name early.
 */
import { SigmaError } from '../errors.js';

export interface ConfStanza {
  readonly name: string;
  readonly settings: readonly (readonly [key: string, value: string])[];
}

/**
 * A value on one logical line: each line break becomes ` \` + line break; a last line ending with a backslash gets
 * a trailing space, so that the backslash stays text instead of continuing the value onto the next setting.
 */
export function confValue(value: string): string {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  const last = lines.length - 1;
  if ((lines[last] ?? '').endsWith('\\')) lines[last] = `${lines[last] ?? ''} `;
  return lines.join(' \\\n');
}

/** A stanza name on one line: `[` and `]` removed, runs of white space (line breaks included) one space. */
export function confStanzaName(name: string): string {
  const clean = name.replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
  if (clean === '') throw new SigmaError('unsupported', 'a .conf stanza needs a non-empty name');
  return clean;
}

/** The text of a .conf file: optional `#` comment lines, then the stanzas separated by blank lines. */
export function renderConf(stanzas: readonly ConfStanza[], comments: readonly string[] = []): string {
  const parts: string[] = [];
  if (comments.length > 0) parts.push(comments.map((c) => `# ${c}`.trimEnd()).join('\n'));
  for (const stanza of stanzas) {
    const lines = [`[${confStanzaName(stanza.name)}]`];
    for (const [key, value] of stanza.settings) lines.push(`${key} = ${confValue(value)}`);
    parts.push(lines.join('\n'));
  }
  return `${parts.join('\n\n')}\n`;
}
