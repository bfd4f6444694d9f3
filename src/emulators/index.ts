/**
 * `cloud-nic/emulators`: local, stateful HTTP servers that behave like the providers' NIC APIs as
 * the specs describe them, so NIC code can be tested without cloud accounts.
 *
 *     const scp = await startEmulator('scp', { seed: 1 });
 *     // point a client at scp.url with scp.credentials; inspect scp.state; await scp.close();
 *
 * Every response is checked against the spec (`handle.conformanceViolations`), faults can be
 * injected (`options.faults`, `handle.setFaults`), and the clock and ids are injectable/seeded.
 */
import type { ProviderKey } from '../core/errors.js';
import { serveEmulator } from './framework/server.js';
import type { EmulatorDefinition, EmulatorHandle, EmulatorOptions } from './framework/types.js';

export * from './framework/types.js';
export type { ScpEmulatorOptions, ScpFixtures, ScpState, ScpCredentials } from './scp.js';
export type {
  KatapultEmulatorOptions,
  KatapultFixtures,
  KatapultState,
  KatapultCredentials,
} from './katapult.js';
export type {
  HuaweiEmulatorOptions,
  HuaweiFixtures,
  HuaweiState,
  HuaweiEmulatorCredentials,
  HuaweiKeyPair,
} from './huawei.js';

export type {
  OpenStackEmulatorOptions,
  OpenStackFixtures,
  OpenStackState,
  OpenStackCredentials,
  OpenStackUrls,
} from './openstack.js';
export type {
  RackspaceEmulatorOptions,
  RackspaceFixtures,
  RackspaceState,
  RackspaceEmulatorCredentials,
  RackspaceUrls,
} from './rackspace.js';

/**
 * The emulator of each provider, loaded on first use. Adding a provider is one line: point its
 * key at `() => import('./<provider>.js')` (a module exporting `definition`).
 */
const registry = {
  scp: () => import('./scp.js'),
  katapult: () => import('./katapult.js'),
  huawei: () => import('./huawei.js'),
  openstack: () => import('./openstack.js'),
  rackspace: () => import('./rackspace.js'),
} satisfies Record<ProviderKey, (() => Promise<{ definition: unknown }>) | undefined>;

type Registry = typeof registry;
/** What a definition's `handleExtras` adds to its handle (nothing when it has none). */
type HandleExtras<D> = D extends { handleExtras(handle: never): infer X } ? X : unknown;
type Loaded<P extends ProviderKey> = Registry[P] extends () => Promise<{
  definition: infer D;
}>
  ? D extends EmulatorDefinition<infer O, infer W>
    ? {
        options: O;
        handle: EmulatorHandle<W['credentials'], W['fixtures'], W['state']> & HandleExtras<D>;
      }
    : { options: EmulatorOptions; handle: EmulatorHandle }
  : { options: EmulatorOptions; handle: EmulatorHandle };

/** Options of one provider's emulator (common options plus its own). */
export type EmulatorOptionsFor<P extends ProviderKey> = Loaded<P>['options'];
/** The handle one provider's emulator resolves to. */
export type EmulatorHandleFor<P extends ProviderKey> = Loaded<P>['handle'];

/** The providers whose emulator exists in this build. */
export function availableEmulators(): ProviderKey[] {
  return (Object.keys(registry) as ProviderKey[]).filter((key) => registry[key] !== undefined);
}

/** Starts one provider's emulator on 127.0.0.1 (a free port unless `options.port` is given). */
export async function startEmulator<P extends ProviderKey>(
  provider: P,
  options?: EmulatorOptionsFor<P>,
): Promise<EmulatorHandleFor<P>> {
  if (!Object.hasOwn(registry, provider)) {
    throw new TypeError(
      `Unknown emulator provider "${String(provider)}"; known: ${Object.keys(registry).join(', ')}`,
    );
  }
  const load = registry[provider] as (() => Promise<{ definition: unknown }>) | undefined;
  if (!load) {
    throw new Error(
      `The ${provider} emulator is not available yet; available: ${availableEmulators().join(', ')}`,
    );
  }
  const { definition } = await load();
  return (await serveEmulator(
    definition as EmulatorDefinition,
    (options ?? {}) as EmulatorOptions,
  )) as EmulatorHandleFor<P>;
}

/** Several emulators started together, closed together. */
export type EmulatorSet<P extends ProviderKey> = { [K in P]: EmulatorHandleFor<K> } & {
  close(): Promise<void>;
};

/**
 * Starts several emulators (or `'all'` available ones) with shared options; `perProvider` adds
 * options for one provider. If one fails to start, the ones already started are closed.
 */
export async function startEmulators<P extends ProviderKey>(
  providers: readonly P[] | 'all',
  options: EmulatorOptions & { perProvider?: { [K in P]?: EmulatorOptionsFor<K> } } = {},
): Promise<EmulatorSet<P>> {
  const keys = (providers === 'all' ? availableEmulators() : [...new Set(providers)]) as P[];
  const { perProvider, ...shared } = options;
  const started: EmulatorHandle[] = [];
  const set = {} as Record<string, unknown>;
  try {
    for (const key of keys) {
      const own = (perProvider?.[key] ?? {}) as EmulatorOptions;
      const handle = (await startEmulator(key, {
        ...shared,
        ...own,
      } as EmulatorOptionsFor<P>)) as EmulatorHandle;
      started.push(handle);
      set[key] = handle;
    }
  } catch (error) {
    await Promise.all(started.map((h) => h.close()));
    throw error;
  }
  set.close = async () => {
    await Promise.all(started.map((h) => h.close()));
  };
  return set as EmulatorSet<P>;
}
