/** Which address a request comes from: the socket's, or a forwarded hop when TRUST_PROXY says the proxy is ours. */
import { BlockList, isIP } from 'node:net';

/**
 * Whom to believe about forwarded addresses, as Express's `trust proxy` does:
 * `none` (default) uses the socket address and ignores X-Forwarded-For; `hops` trusts that many proxies
 * nearest the server; `addresses` trusts hops whose address is in the list (addresses or CIDR ranges).
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; list: BlockList; text: string };

/**
 * Parses TRUST_PROXY: empty/`0`/`false` → none; a whole number → hop count; otherwise a comma-separated list of
 * addresses and CIDR ranges (`loopback` stands for 127.0.0.0/8 and ::1).
 * @throws Error naming the entry that is neither.
 * @example parseTrustProxy('1'); parseTrustProxy('10.0.0.0/8, ::1');
 */
export function parseTrustProxy(text: string | undefined): TrustProxy {
  const value = (text ?? '').trim();
  if (value === '' || value === '0' || value === 'false') return { kind: 'none' };
  if (/^\d{1,2}$/.test(value)) return { kind: 'hops', hops: Number(value) };
  const list = new BlockList();
  for (const entry of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxBits = family === 6 ? 128 : 32;
    if (!family || (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= maxBits))) {
      throw new Error(`"${entry}" is not an address, a CIDR range, "loopback" or a hop count`);
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return { kind: 'addresses', list, text: value };
}

/**
 * The client's address. The chain is read from the server outwards: the socket, then X-Forwarded-For from right to
 * left; each trusted hop passes the question one step further out. A header from an untrusted peer is ignored,
 * so a client cannot pick its own address (or a victim's).
 * @example clientAddress('10.0.0.2', '203.0.113.7, 198.51.100.9', { kind: 'hops', hops: 1 }) // '198.51.100.9'
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trust: TrustProxy): string | undefined {
  if (trust.kind === 'none' || !socketAddress || !forwardedFor) return socketAddress;
  // At most 32 hops are read: a header with thousands of entries costs no more than a normal one.
  const hops = forwardedFor.split(',', 256).slice(-32).map((s) => s.trim()).reverse();
  const chain = [socketAddress, ...hops];
  if (trust.kind === 'hops') {
    const chosen = chain[Math.min(trust.hops, chain.length - 1)];
    return isIP(chosen) ? chosen : chain[0];
  }
  let i = 0;
  while (i < chain.length - 1 && isTrusted(trust.list, chain[i])) i += 1;
  return isIP(chain[i]) ? chain[i] : chain[i - 1] ?? socketAddress;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The rate-limit key for an address: IPv6 clients by their /64 (one subscriber usually holds a whole /64,
 * so rotating within it must not buy more requests); IPv4 (also IPv4-mapped IPv6) as the address.
 * @example limitKey('2001:db8:1:2:3:4:5:6') // '2001:db8:1:2::/64'
 */
export function limitKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1];
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ''] = address.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = address.includes('::') && tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups.map((g) => (g.includes('.') ? g : g.replace(/^0+(?=.)/, '').toLowerCase()));
}
