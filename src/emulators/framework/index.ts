// The emulator framework: what a provider module needs to define an emulator.
export * from './types.js';
export { serveEmulator, DEFAULT_ASYNC_DELAY_MS, DEFAULT_MAX_BODY_BYTES } from './server.js';
export { createRandom, randomSeed, type RandomSource, type Seed } from './random.js';
export { asyncPhase, monotonicMs, systemClock, type Clock } from './clock.js';
export { htmlErrorPage, STATUS_TEXT } from './faults.js';
export { serverPath } from './router.js';
export { atPointer, deref } from './spec.js';
export { allocateIpv4, ipv4InCidr, parseCidr } from './network.js';
