import { describe, expect, it } from 'vitest';
import { compileCidr, parseAddress } from '../../src/eval/cidr.js';
import { parseCidr } from '../../src/rule/cidr.js';

const inNet = (cidr: string, address: string) => compileCidr(parseCidr(cidr))(address);

describe('cidr', () => {
  it('matches IPv4 addresses inside the network and not outside', () => {
    expect(inNet('10.0.0.0/8', '10.255.1.2')).toBe(true);
    expect(inNet('10.0.0.0/8', '11.0.0.1')).toBe(false);
    expect(inNet('192.168.1.0/25', '192.168.1.127')).toBe(true);
    expect(inNet('192.168.1.0/25', '192.168.1.128')).toBe(false);
    expect(inNet('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(inNet('8.8.8.8/32', '8.8.8.8')).toBe(true);
  });
  it('matches IPv6 addresses, compressed or not, with zone ids and brackets', () => {
    expect(inNet('fe80::/10', 'fe80::1%12')).toBe(true);
    expect(inNet('fc00::/7', 'fd12:3456:789a:1::1')).toBe(true);
    expect(inNet('2001:db8::/32', '[2001:0db8:0000:0000:0000:0000:0000:0001]')).toBe(true);
    expect(inNet('2001:db8::/32', '2001:db9::1')).toBe(false);
    expect(inNet('::1/128', '::1')).toBe(true);
  });
  it('treats an IPv4-mapped IPv6 address as its IPv4 address', () => {
    expect(inNet('10.0.0.0/8', '::ffff:10.1.2.3')).toBe(true);
    expect(inNet('10.0.0.0/8', '::ffff:11.1.2.3')).toBe(false);
  });
  it('never matches values that are not addresses', () => {
    expect(inNet('10.0.0.0/8', '10.0.0')).toBe(false);
    expect(inNet('10.0.0.0/8', 'localhost')).toBe(false);
    expect(inNet('::/0', 'not:an:address')).toBe(false);
    expect(parseAddress('1.2.3.256')).toBeUndefined();
  });
});
