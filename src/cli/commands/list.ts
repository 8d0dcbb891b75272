/** `sigmaform list targets|pipelines|formats`. */
import type { Command } from '../io.js';
import { parse } from '../args.js';
import { listBackends } from '../../backend.js';

const HELP = `Usage: sigmaform list targets|pipelines|formats

Lists what this sigmaform knows, one per line with a description.
`;

export const listCommand: Command = async (argv, io) => {
  const { values, positionals } = parse(argv, {});
  const what = positionals[0];
  if (values.help || !what) {
    io.stdout(HELP);
    return what || values.help ? 0 : 2;
  }
  const rows: [string, string][] = [];
  for (const b of listBackends()) {
    if (what === 'targets') rows.push([b.name, b.description]);
    else if (what === 'pipelines')
      for (const [name, p] of Object.entries(b.pipelines)) rows.push([name, `${p.description} (target ${b.name})`]);
    else if (what === 'formats') for (const [name, f] of Object.entries(b.formats)) rows.push([`${b.name} ${name}`, f.description]);
    else {
      io.stderr(`sigmaform list: unknown list '${what}' (targets, pipelines, formats)\n`);
      return 2;
    }
  }
  const width = Math.max(0, ...rows.map(([n]) => n.length));
  io.stdout(rows.map(([n, d]) => `${n.padEnd(width)}  ${d}`).join('\n') + '\n');
  return 0;
};
