/** CIDR values (IPv4 and IPv6) for the `cidr` modifier. */
import type { SigmaCidr } from './ast.js';
import { SigmaError, type SourceLocation } from '../errors.js';

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIPv4(address: string): boolean {
  return IPV4.test(address);
}

/** Parses an IPv6 address into 8 groups, or undefined when malformed. Accepts `::` and an embedded IPv4 tail. */
export function ipv6Groups(address: string): number[] | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(address)) return undefined;
  let text = address;
  if (text.includes('.')) {
    // an embedded IPv4 tail (::ffff:10.0.0.1) is two groups
    const lastColon = text.lastIndexOf(':');
    const v4 = text.slice(lastColon + 1);
    if (!isIPv4(v4)) return undefined;
    const b = v4.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (s: string): number[] | undefined => {
    if (s === '') return [];
    const groups = s.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  const rest = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length;
  if (halves.length === 1) return known === 8 ? head : undefined;
  if (known > 7) return undefined;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

export function parseCidr(text: string, location?: SourceLocation): SigmaCidr {
  const bad = (why: string): never => {
    throw new SigmaError('value', `invalid CIDR '${text}': ${why}`, location);
  };
  const trimmed = text.trim();
  const slash = trimmed.indexOf('/');
  const address = slash === -1 ? trimmed : trimmed.slice(0, slash);
  const prefixText = slash === -1 ? undefined : trimmed.slice(slash + 1);
  const version = isIPv4(address) ? 4 : ipv6Groups(address) ? 6 : bad('not an IPv4 or IPv6 address');
  const max = version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) bad('the prefix length is not a number');
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (prefix > max) bad(`the prefix length is more than ${max}`);
  return Object.freeze({ kind: 'cidr', cidr: `${address}/${prefix}`, version: version as 4 | 6, address, prefix });
}
