/**
 * Whether a value is an IP address, as Python's `ipaddress.ip_address` decides it (the reference compares IP
 * addresses with `==` instead of `:`): a dotted quad without leading zeros, or an IPv6 address (optionally with an
 * embedded IPv4 tail and a `%scope`).
 */

const OCTET = /^(?:0|[1-9][0-9]{0,2})$/;
const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((p) => OCTET.test(p) && Number(p) <= 255);
}

function hextets(text: string): number | undefined {
  if (text === '') return 0;
  const parts = text.split(':');
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    if (i === parts.length - 1 && p.includes('.')) {
      if (!isIpv4(p)) return undefined;
      count += 2;
    } else if (HEXTET.test(p)) count++;
    else return undefined;
  }
  return count;
}

export function isIpv6(text: string): boolean {
  const percent = text.indexOf('%');
  const address = percent < 0 ? text : text.slice(0, percent);
  if (percent >= 0 && (percent === text.length - 1 || text.includes('/', percent))) return false;
  const halves = address.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return hextets(address) === 8;
  const head = hextets(halves[0] as string);
  const tail = hextets(halves[1] as string);
  if (head === undefined || tail === undefined) return false;
  if ((halves[0] as string).includes('.')) return false;
  return head + tail <= 7;
}

export function isIpAddress(text: string): boolean {
  return isIpv4(text) || isIpv6(text);
}
