/**
 * `cloud-nic`: typed clients for attaching network interfaces on SCP, Huawei Cloud ECS, OpenStack
 * Nova, Rackspace Cloud Servers and Katapult, and the one error hierarchy they throw.
 *
 * Subpaths: `cloud-nic/<provider>` (one client each, smallest bundles), `cloud-nic/signing`,
 * `cloud-nic/nic` (one API over all five), `cloud-nic/emulators` (local test servers).
 */
export { createScpClient, type ScpClient, type ScpClientOptions } from './providers/scp.js';
export {
  createHuaweiClient,
  type HuaweiClient,
  type HuaweiClientOptions,
} from './providers/huawei.js';
export {
  createOpenStackClient,
  type OpenStackClient,
  type OpenStackClientOptions,
} from './providers/openstack.js';
export {
  createRackspaceClient,
  type RackspaceClient,
  type RackspaceClientOptions,
} from './providers/rackspace.js';
export {
  createKatapultClient,
  type KatapultClient,
  type KatapultClientOptions,
} from './providers/katapult.js';
export type { CommonClientOptions } from './providers/client-kit.js';
export * from './core/errors.js';
export { Secret } from './core/redact.js';
export type { RetryInfo } from './core/resilient-fetch.js';
