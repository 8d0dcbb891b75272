// Regenerates the ES|QL checker's lexer and parser (test/support/esql/generated) from grammar/*.g4 with antlr-ng.
// The output is committed, so tests on a fresh clone need nothing but antlr4ng; run this after changing a grammar.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
execFileSync(
  'npx',
  [
    'antlr-ng',
    '-Dlanguage=TypeScript',
    '--generate-listener',
    'false',
    '-o',
    'generated',
    'grammar/EsqlBaseLexer.g4',
    'grammar/EsqlBaseParser.g4',
  ],
  { cwd: here, stdio: 'inherit' },
);
console.log(`generated ${join(here, 'generated')}`);
