/**
 * Splunk `.conf` text: `[stanza]` sections of `key = value` lines. A value that spans lines is written as one
 * logical line with the conf continuation (a trailing ` \` before each line break), as contentctl's
 * `escapeNewlines` does.
 */
import { SigmaError } from '../errors.js';

export interface ConfStanza {
  readonly name: string;
  readonly settings: readonly (readonly [key: string, value: string])[];
}

/** A value on one logical line: each line break becomes ` \` + line break. */
export function confValue(value: string): string {
  const lines = value.replace(/\r\n?/g, '\n').split('\n');
  const last = lines[lines.length - 1] ?? '';
  if (last.endsWith('\\')) {
    throw new SigmaError('unsupported', 'a .conf value cannot end with a backslash: Splunk would read it as a line continuation');
  }
  return lines.join(' \\\n');
}

/** A stanza name on one line (runs of white space, line breaks included, become one space). */
export function confStanzaName(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
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
