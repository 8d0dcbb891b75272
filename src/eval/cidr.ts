/**
 * `cidr`: whether an event's address lies in a rule's network, IPv4 and IPv6. IPv4-mapped IPv6 addresses
 * (`::ffff:10.1.2.3`, as Windows logs them) count as their IPv4 address, and zone ids (`fe80::1%12`) are
 * ignored.
 */
import type { SigmaCidr } from '../rule/ast.js';
import { ipv6Groups, isIPv4 } from '../rule/cidr.js';
import { SigmaError } from '../errors.js';

/** An address as eight 16-bit groups; IPv4 as its IPv4-mapped IPv6 form. */
type Groups = readonly number[];

function v4Groups(address: string): Groups {
  const b = address.split('.').map(Number) as [number, number, number, number];
  return [0, 0, 0, 0, 0, 0xffff, (b[0] << 8) | b[1], (b[2] << 8) | b[3]];
}

/** The address of a text as eight groups, or undefined when it is not an IP address. */
export function parseAddress(text: string): Groups | undefined {
  let address = text.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const zone = address.indexOf('%');
  if (zone !== -1) address = address.slice(0, zone);
  if (isIPv4(address)) return v4Groups(address);
  if (!address.includes(':')) return undefined;
  return ipv6Groups(address);
}

function inPrefix(address: Groups, network: Groups, prefix: number): boolean {
  for (let g = 0; g < 8 && prefix > 0; g++, prefix -= 16) {
    const bits = Math.min(16, prefix);
    const mask = (0xffff << (16 - bits)) & 0xffff;
    if (((address[g] as number) & mask) !== ((network[g] as number) & mask)) return false;
  }
  return true;
}

/** A test for one CIDR value over address texts. */
export function compileCidr(cidr: SigmaCidr): (text: string) => boolean {
  const network = parseAddress(cidr.address);
  if (network === undefined) throw new SigmaError('value', `invalid CIDR '${cidr.cidr}'`);
  // An IPv4 network is a prefix of the IPv4-mapped range ::ffff:0:0/96.
  const prefix = cidr.version === 4 ? 96 + cidr.prefix : cidr.prefix;
  return (text) => {
    const address = parseAddress(text);
    return address !== undefined && inPrefix(address, network, prefix);
  };
}
