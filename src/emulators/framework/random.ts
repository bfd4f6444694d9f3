// Seeded randomness for the emulators: the same `seed` gives the same ids, MACs and fault
// decisions run after run, so tests and recorded demos are reproducible.
import { randomBytes } from 'node:crypto';

export type Seed = number | string;

/** FNV-1a over the seed's text: turns any seed into a 32-bit PRNG state. */
function hashSeed(seed: Seed): number {
  const text = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fresh seed for emulators started without one. */
export function randomSeed(): string {
  return randomBytes(8).toString('hex');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

export interface RandomSource {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, max). */
  int(max: number): number;
  /** `length` lowercase hex digits. */
  hex(length: number): string;
  /** `length` letters and digits (Katapult-style id suffixes). */
  alnum(length: number): string;
  /** A version-4-shaped UUID. */
  uuid(): string;
  /** A MAC address with the given prefix (e.g. `fa:16:3e`), unique within this source. */
  mac(prefix: string): string;
}

/** mulberry32: tiny, fast, good enough for test data (not for secrets). */
export function createRandom(seed: Seed): RandomSource {
  let state = hashSeed(seed);
  const usedMacs = new Set<string>();
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = (alphabet: string, length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
    return out;
  };
  const source: RandomSource = {
    next,
    int,
    hex: (length) => pick(HEX, length),
    alnum: (length) => pick(ALNUM, length),
    uuid: () => {
      const h = pick(HEX, 32);
      const variant = HEX[8 + int(4)];
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20)}`;
    },
    mac: (prefix) => {
      for (;;) {
        const tail = [0, 0, 0].map(() => pick(HEX, 2)).join(':');
        const mac = `${prefix}:${tail}`;
        if (!usedMacs.has(mac)) {
          usedMacs.add(mac);
          return mac;
        }
      }
    },
  };
  return source;
}
