// IPv4 helpers for emulated subnets: parse a CIDR, test membership, hand out the next free host
// address (skipping the network address, the gateway `.1` and the broadcast address).

export interface Cidr {
  network: number;
  prefix: number;
  /** Number of addresses in the block. */
  size: number;
}

function toInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    n = n * 256 + Number(part);
  }
  return n;
}

const toIp = (n: number) =>
  [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

export function parseCidr(cidr: string): Cidr {
  const [ip, bits] = cidr.split('/');
  const base = toInt(ip ?? '');
  const prefix = Number(bits);
  if (base === undefined || !Number.isInteger(prefix) || prefix < 8 || prefix > 30) {
    throw new TypeError(`not an IPv4 CIDR between /8 and /30: ${cidr}`);
  }
  const size = 2 ** (32 - prefix);
  return { network: base - (base % size), prefix, size };
}

/** Whether `ip` is a usable host address of `cidr` (not the network or broadcast address). */
export function ipv4InCidr(ip: string, cidr: string): boolean {
  const n = toInt(ip);
  const block = parseCidr(cidr);
  return n !== undefined && n > block.network && n < block.network + block.size - 1;
}

/** The lowest free host address of `cidr` from `.2` on, or undefined when the block is full. */
export function allocateIpv4(cidr: string, taken: ReadonlySet<string>): string | undefined {
  const block = parseCidr(cidr);
  for (let n = block.network + 2; n < block.network + block.size - 1; n++) {
    const ip = toIp(n);
    if (!taken.has(ip)) return ip;
  }
  return undefined;
}
