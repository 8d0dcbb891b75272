/**
 * The language service: completion, hover and conversion for one rule text, given the user's target and
 * pipelines. Pure and browser-safe; `server.ts` puts it behind the Language Server Protocol.
 */
import { MODIFIERS, type Logsource, type Modifier } from '../rule/ast.js';
import { isModifier } from '../rule/modifiers.js';
import { attackTactics, tacticByShortname, techniqueById, techniqueFullName } from '../packs/attack.js';
import { ATTACK_TECHNIQUE_ROWS } from '../packs/attack-data.js';
import { getBackend } from '../backend.js';
import { createConverter, resolvePipelines } from '../convert.js';
import type { Pipeline } from '../pipeline/types.js';
import { toSigmaError } from '../errors.js';
import { CONDITION_KEYWORDS, ENUM_VALUES, LOGSOURCE_KEYS, MODIFIER_DOCS, RULE_KEYS } from './docs.js';
import { TAXONOMY_LOGSOURCES } from './taxonomy-data.js';
import { blockValues, cursorContext, fieldNames, selectionNames } from './context.js';
import { pipelineFields } from './fields.js';
import { wordAt } from './positions.js';
import { CompletionKind, type Completion, type HoverInfo, type Pos, type Range, type ServiceSettings } from './types.js';

const pipelineCache = new Map<string, Pipeline | undefined>();

/** The combined pipeline of the settings (undefined without pipelines); throws SigmaError for unknown names. */
export function settingsPipeline(settings: ServiceSettings): Pipeline | undefined {
  const names = settings.pipelines ?? [];
  const key = JSON.stringify([settings.target ?? null, names]);
  if (pipelineCache.has(key)) return pipelineCache.get(key);
  const pipeline = resolvePipelines(settings.target ? getBackend(settings.target) : undefined, names);
  pipelineCache.set(key, pipeline);
  return pipeline;
}

function logsourceOf(lines: readonly string[]): Logsource {
  const v = blockValues(lines, 'logsource');
  return {
    ...(v.product ? { product: v.product } : {}),
    ...(v.category ? { category: v.category } : {}),
    ...(v.service ? { service: v.service } : {}),
  };
}

function replacing(pos: Pos, typed: string): Range {
  return { start: { line: pos.line, character: pos.character - typed.length }, end: pos };
}

function modifierCompletions(pos: Pos, typed: string, present: readonly string[]): Completion[] {
  return MODIFIERS.filter((m) => !present.includes(m)).map((m) => ({
    label: m,
    kind: CompletionKind.Operator,
    detail: 'Sigma modifier',
    documentation: MODIFIER_DOCS[m],
    range: replacing(pos, typed),
  }));
}

function fieldCompletions(lines: readonly string[], pos: Pos, typed: string, settings: ServiceSettings): Completion[] {
  const used = fieldNames(lines);
  let pipeline: Pipeline | undefined;
  try {
    pipeline = settingsPipeline(settings);
  } catch {
    pipeline = undefined;
  }
  const out = new Map<string, Completion>();
  if (pipeline) {
    const name = (settings.pipelines ?? []).join(' + ');
    for (const f of pipelineFields(pipeline, logsourceOf(lines), used)) {
      const changed = f.mapped.length !== 1 || f.mapped[0] !== f.field;
      out.set(f.field, {
        label: f.field,
        kind: CompletionKind.Field,
        detail: changed ? `→ ${f.mapped.join(', ')} (${name})` : `kept as is by ${name}`,
        range: replacing(pos, typed),
      });
    }
  }
  for (const f of used)
    if (!out.has(f)) out.set(f, { label: f, kind: CompletionKind.Field, detail: 'used in this rule', range: replacing(pos, typed) });
  return [...out.values()];
}

function logsourceValueCompletions(lines: readonly string[], key: string, pos: Pos, typed: string): Completion[] {
  const given = blockValues(lines, 'logsource');
  const index = key === 'product' ? 0 : key === 'category' ? 1 : key === 'service' ? 2 : undefined;
  if (index === undefined) return [];
  const fits = (row: (typeof TAXONOMY_LOGSOURCES)[number]): boolean =>
    (index === 0 || !given.product || row[0] === given.product) &&
    (index === 1 || !given.category || row[1] === given.category || row[1] === null);
  const out = new Map<string, Completion>();
  for (const row of TAXONOMY_LOGSOURCES) {
    const value = row[index];
    if (!value || out.has(value) || !fits(row)) continue;
    out.set(value, {
      label: value,
      kind: CompletionKind.EnumMember,
      detail: `logsource ${key} (Sigma taxonomy)`,
      ...(row[3] ? { documentation: row[3] } : {}),
      range: replacing(pos, typed),
    });
  }
  return [...out.values()];
}

function tagCompletions(pos: Pos, typed: string): Completion[] {
  const out: Completion[] = [];
  for (const t of attackTactics())
    out.push({
      label: `attack.${t.shortname}`,
      kind: CompletionKind.EnumMember,
      detail: `${t.name} (${t.id})`,
      range: replacing(pos, typed),
    });
  if (/^attack\.t/i.test(typed))
    for (const id of Object.keys(ATTACK_TECHNIQUE_ROWS)) {
      const t = techniqueById(id);
      if (t)
        out.push({
          label: `attack.${id.toLowerCase()}`,
          kind: CompletionKind.EnumMember,
          detail: techniqueFullName(t),
          range: replacing(pos, typed),
        });
    }
  for (const ns of ['attack.', 'car.', 'cve.', 'detection.dfir', 'detection.emerging-threats', 'detection.threat-hunting', 'tlp.'])
    out.push({ label: ns, kind: CompletionKind.Keyword, detail: 'tag namespace', range: replacing(pos, typed) });
  return out;
}

function keyCompletions(
  entries: readonly (readonly [string, string])[],
  present: readonly string[],
  pos: Pos,
  typed: string,
): Completion[] {
  return entries
    .filter(([k]) => !present.includes(k))
    .map(([k, doc]) => ({
      label: k,
      kind: CompletionKind.Property,
      documentation: doc,
      insertText: `${k}: `,
      range: replacing(pos, typed),
    }));
}

/** Completions at `pos` of a rule text. */
export function complete(text: string, pos: Pos, settings: ServiceSettings = {}): Completion[] {
  const lines = text.split(/\r?\n/);
  const ctx = cursorContext(lines, pos);
  const section = ctx.path[0];
  const inDetection = section === 'detection' || section === 'filter';
  // After `|` in a detection key: modifiers.
  const mod = /(?:^|\s|-\s)(['"]?)([^\s:'"|][^:'"]*?)((?:\|[\w]*)*)\|(\w*)$/.exec(ctx.before);
  if (ctx.inKey && inDetection && ctx.path.length >= 2 && mod) {
    const present = (mod[3] ?? '').split('|').filter(Boolean);
    return modifierCompletions(pos, mod[4] ?? '', present);
  }
  const typed = wordAt(lines, { line: pos.line, character: pos.character }, /[\w.\-*]/).word.slice(
    0,
    pos.character - wordAt(lines, pos, /[\w.\-*]/).range.start.character,
  );
  if (ctx.inKey) {
    if (ctx.path.length === 0) {
      const present = lines.map((l) => /^([\w-]+)\s*:/.exec(l)?.[1]).filter((k): k is string => !!k);
      return keyCompletions(RULE_KEYS, present, pos, typed);
    }
    if (section === 'logsource' && ctx.path.length === 1)
      return keyCompletions(LOGSOURCE_KEYS, Object.keys(blockValues(lines, 'logsource')), pos, typed);
    if (inDetection && ctx.path.length === 1) {
      const hasCondition = lines.some((l) => /^\s+condition\s*:/.test(l));
      return hasCondition
        ? []
        : keyCompletions([['condition', 'How the selections combine: `selection and not 1 of filter_*`.']], [], pos, typed);
    }
    if (inDetection && ctx.path.length >= 2) return fieldCompletions(lines, pos, typed, settings);
    return [];
  }
  const key = ctx.key;
  if (inDetection && (key === 'condition' || ctx.path[ctx.path.length - 1] === 'condition')) {
    const names = selectionNames(lines);
    return [
      ...names.map((n) => ({ label: n, kind: CompletionKind.Variable, detail: 'selection', range: replacing(pos, typed) })),
      ...CONDITION_KEYWORDS.map(([k, doc]) => ({
        label: k.trim(),
        insertText: k,
        kind: CompletionKind.Keyword,
        documentation: doc,
        range: replacing(pos, typed),
      })),
    ];
  }
  if (section === 'logsource' && key) return logsourceValueCompletions(lines, key, pos, typed);
  if (ctx.path.length === 0 && key && ENUM_VALUES[key])
    return (ENUM_VALUES[key] ?? []).map((v) => ({ label: v, kind: CompletionKind.EnumMember, range: replacing(pos, typed) }));
  if (key === 'tags' || (ctx.path.length === 1 && section === 'tags')) return tagCompletions(pos, typed);
  return [];
}

function md(lines: readonly string[]): string {
  return lines.join('\n\n');
}

/** Hover documentation at `pos`: modifiers, fields (with the pipeline's mapping), ATT&CK tags, rule keys. */
export function hover(text: string, pos: Pos, settings: ServiceSettings = {}): HoverInfo | undefined {
  const lines = text.split(/\r?\n/);
  const line = lines[pos.line] ?? '';
  const ctx = cursorContext(lines, { line: pos.line, character: line.length });
  const { word, range } = wordAt(lines, pos, /[\w.-]/);
  if (!word) return undefined;
  const section = ctx.path[0];
  const keyPart = /^(\s*(?:-\s+)?)(['"]?)([^:#'"]+)\2\s*:/.exec(line);
  const inKeyPart = keyPart !== null && pos.character < (keyPart[1] ?? '').length + (keyPart[2] ?? '').length + (keyPart[3] ?? '').length;
  if ((section === 'detection' || section === 'filter') && ctx.path.length >= 2 && inKeyPart && keyPart?.[3]) {
    const keyStart = (keyPart[1] ?? '').length + (keyPart[2] ?? '').length;
    const key = keyPart[3];
    const [field = '', ...mods] = key.split('|');
    const charInKey = pos.character - keyStart;
    if (charInKey > field.length) {
      let offset = field.length;
      for (const m of mods) {
        const start = offset + 1;
        offset = start + m.length;
        if (charInKey >= start && charInKey <= offset) {
          const r: Range = {
            start: { line: pos.line, character: keyStart + start },
            end: { line: pos.line, character: keyStart + offset },
          };
          return isModifier(m)
            ? { contents: md([`**${m}** (Sigma modifier)`, MODIFIER_DOCS[m as Modifier]]), range: r }
            : { contents: md([`**${m}** is not a Sigma modifier`, `Modifiers: ${MODIFIERS.join(', ')}`]), range: r };
        }
      }
      return undefined;
    }
    const r: Range = { start: { line: pos.line, character: keyStart }, end: { line: pos.line, character: keyStart + field.length } };
    return { contents: fieldHover(lines, field, settings), range: r };
  }
  if (section === 'tags' || ctx.key === 'tags') {
    const tag = word.toLowerCase();
    const technique = /^attack\.(t\d{4}(?:\.\d{3})?)$/.exec(tag);
    if (technique?.[1]) {
      const t = techniqueById(technique[1]);
      return t
        ? { contents: md([`**${t.id}** ${techniqueFullName(t)}`, `Tactics: ${t.tactics.join(', ')}`, t.reference]), range }
        : { contents: `**${technique[1].toUpperCase()}** is not a technique of the ATT&CK data sigmaform ships`, range };
    }
    const tactic = tag.startsWith('attack.') ? tacticByShortname(tag.slice(7)) : undefined;
    if (tactic) return { contents: md([`**${tactic.name}** (${tactic.id})`, tactic.reference]), range };
  }
  if (ctx.path.length === 0 && inKeyPart) {
    const doc = RULE_KEYS.find(([k]) => k === word);
    if (doc) return { contents: md([`**${doc[0]}**`, doc[1]]), range };
  }
  if (section === 'logsource' && inKeyPart) {
    const doc = LOGSOURCE_KEYS.find(([k]) => k === word);
    if (doc) return { contents: md([`**logsource.${doc[0]}**`, doc[1]]), range };
  }
  return undefined;
}

function fieldHover(lines: readonly string[], field: string, settings: ServiceSettings): string {
  const parts = [`**${field}** (field)`];
  let pipeline: Pipeline | undefined;
  try {
    pipeline = settingsPipeline(settings);
  } catch (e) {
    parts.push(`Pipeline: ${toSigmaError(e).message}`);
  }
  if (pipeline) {
    const name = (settings.pipelines ?? []).join(' + ');
    const logsource = logsourceOf(lines);
    const found = pipelineFields(pipeline, logsource, [field]).find((f) => f.field === field);
    const where = [logsource.product, logsource.category, logsource.service].filter(Boolean).join('/') || 'this log source';
    parts.push(
      found
        ? `${name}: \`${field}\` → ${found.mapped.map((m) => `\`${m}\``).join(', ')} for ${where}`
        : `${name} refuses or drops \`${field}\` for ${where}: the converted query cannot use it`,
    );
  } else parts.push('No pipeline set (setting `sigmaform.pipeline`): the field is used as written.');
  return md(parts);
}

export interface ConvertOutcome {
  readonly ok: boolean;
  readonly target: string;
  readonly pipelines: readonly string[];
  readonly queries: readonly string[];
  readonly errors: readonly { readonly message: string; readonly line: number | null; readonly column: number | null }[];
}

/** Converts a rule text for a target and pipelines (the `sigmaform.convert` command). Never throws. */
export function convertText(text: string, settings: ServiceSettings, path = '<editor>'): ConvertOutcome {
  const target = settings.target ?? 'splunk';
  const pipelines = settings.pipelines ?? [];
  try {
    const converter = createConverter({ target, pipelines, ...(settings.format ? { format: settings.format } : {}) });
    const result = converter.text(text, path);
    const errors = (result.ok ? (result.errors ?? []) : [result.error]).map((e) => ({
      message: e.message,
      line: e.line ?? null,
      column: e.column ?? null,
    }));
    return { ok: result.ok && errors.length === 0, target, pipelines, queries: result.ok ? result.queries : [], errors };
  } catch (e) {
    const err = toSigmaError(e);
    return {
      ok: false,
      target,
      pipelines,
      queries: [],
      errors: [{ message: err.message, line: err.line ?? null, column: err.column ?? null }],
    };
  }
}
