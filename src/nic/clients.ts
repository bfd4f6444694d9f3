// One factory for the five clients, keyed by provider (what the command line and generic
// fleet code need); each provider's own `createXClient` stays the typed entry point.
import type { ProviderKey } from '../core/errors.js';
import { createHuaweiClient, type HuaweiClientOptions } from '../providers/huawei.js';
import { createKatapultClient, type KatapultClientOptions } from '../providers/katapult.js';
import { createOpenStackClient, type OpenStackClientOptions } from '../providers/openstack.js';
import { createRackspaceClient, type RackspaceClientOptions } from '../providers/rackspace.js';
import { createScpClient, type ScpClientOptions } from '../providers/scp.js';
import type { NicClientMap } from './types.js';

/** The options of each provider's client. */
export interface NicClientOptionsMap {
  scp: ScpClientOptions;
  huawei: HuaweiClientOptions;
  openstack: OpenStackClientOptions;
  rackspace: RackspaceClientOptions;
  katapult: KatapultClientOptions;
}

const FACTORIES: { [P in ProviderKey]: (options: NicClientOptionsMap[P]) => NicClientMap[P] } = {
  scp: createScpClient,
  huawei: createHuaweiClient,
  openstack: createOpenStackClient,
  rackspace: createRackspaceClient,
  katapult: createKatapultClient,
};

/** Creates the client of `provider` (invalid options throw the client's ValidationError). */
export function createNicClient<P extends ProviderKey>(
  provider: P,
  options: NicClientOptionsMap[P],
): NicClientMap[P] {
  const factory = FACTORIES[provider] as (options: NicClientOptionsMap[P]) => NicClientMap[P];
  return factory(options);
}
