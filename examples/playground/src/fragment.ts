/**
 * The playground's state in the URL fragment, so a link reproduces the rule and the choices. Texts are
 * deflated (CompressionStream, where the browser has it) and base64url-encoded; choices are plain parameters.
 * Nothing here talks to a server: the fragment never leaves the browser.
 */

export interface PlaygroundState {
  readonly rule: string;
  readonly target: string;
  /** Named pipeline of the target; '' for none. */
  readonly pipeline: string;
  readonly format: string;
  /** Pipeline YAML applied after the named pipeline; '' (or only whitespace) for none. */
  readonly customPipeline: string;
  /** JSON event(s) to test the rule against. */
  readonly events: string;
  readonly ignoreLogsource: boolean;
}

type TextField = 'rule' | 'customPipeline' | 'events';
const TEXT_KEYS: readonly (readonly [TextField, string])[] = [
  ['rule', 'r'],
  ['customPipeline', 'cp'],
  ['events', 'ev'],
];

/** Links larger than this (decompressed) are refused rather than loaded into the page. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new Error(`the link holds more than ${limit} bytes of text`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function through(bytes: Uint8Array, transform: TransformStream<Uint8Array, Uint8Array>, limit: number): Promise<Uint8Array> {
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
  return readAll(source.pipeThrough(transform), limit);
}

const canCompress = (): boolean => typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

/** Text → `z<base64url of deflate-raw>` (or `u<base64url of UTF-8>` where the browser cannot compress). */
export async function packText(text: string): Promise<string> {
  const utf8 = new TextEncoder().encode(text);
  if (!canCompress()) return 'u' + toBase64Url(utf8);
  const deflated = await through(utf8, new CompressionStream('deflate-raw') as TransformStream<Uint8Array, Uint8Array>, Infinity);
  return 'z' + toBase64Url(deflated);
}

/** The inverse of packText; throws Error on a damaged or oversized value. */
export async function unpackText(packed: string): Promise<string> {
  const kind = packed.charAt(0);
  const bytes = fromBase64Url(packed.slice(1));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  if (kind === 'u') {
    if (bytes.length > MAX_TEXT_BYTES) throw new Error(`the link holds more than ${MAX_TEXT_BYTES} bytes of text`);
    return decoder.decode(bytes);
  }
  if (kind === 'z' && canCompress()) {
    const inflated = await through(
      bytes,
      new DecompressionStream('deflate-raw') as TransformStream<Uint8Array, Uint8Array>,
      MAX_TEXT_BYTES,
    );
    return decoder.decode(inflated);
  }
  throw new Error(kind === 'z' ? 'this browser cannot decompress the link' : 'unknown text encoding in the link');
}

/** State → fragment (without `#`). The rule is always present; other texts only when not empty. */
export async function encodeState(state: PlaygroundState): Promise<string> {
  const params = new URLSearchParams();
  params.set('t', state.target);
  if (state.pipeline) params.set('p', state.pipeline);
  params.set('f', state.format);
  if (state.ignoreLogsource) params.set('il', '1');
  for (const [field, key] of TEXT_KEYS) {
    const text = state[field];
    if (field === 'rule' || text.trim() !== '') params.set(key, await packText(text));
  }
  return params.toString();
}

export interface DecodedState {
  readonly state: PlaygroundState;
  /** What could not be read from the link (each part falls back to its default). */
  readonly problems: readonly string[];
}

/** Fragment (with or without `#`) → state; anything missing or damaged falls back to `defaults`. Never throws. */
export async function decodeState(fragment: string, defaults: PlaygroundState): Promise<DecodedState> {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const problems: string[] = [];
  const texts: Partial<Record<TextField, string>> = {};
  for (const [field, key] of TEXT_KEYS) {
    const packed = params.get(key);
    if (packed === null) continue;
    try {
      texts[field] = await unpackText(packed);
    } catch (e) {
      problems.push(`${field}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const hasChoices = params.has('t');
  const state: PlaygroundState = {
    rule: texts.rule ?? defaults.rule,
    target: params.get('t') ?? defaults.target,
    // A link that names a target but no pipeline means "no pipeline".
    pipeline: params.get('p') ?? (hasChoices ? '' : defaults.pipeline),
    format: params.get('f') ?? defaults.format,
    customPipeline: texts.customPipeline ?? (hasChoices ? '' : defaults.customPipeline),
    events: texts.events ?? (hasChoices ? '' : defaults.events),
    ignoreLogsource: params.has('il') ? params.get('il') === '1' : defaults.ignoreLogsource,
  };
  return { state, problems };
}
