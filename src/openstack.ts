/**
 * `cloud-nic/openstack`: the typed OpenStack client (`createOpenStackClient`), its options and types, the
 * generated spec types, and the error classes its calls throw.
 */
export * from './providers/openstack.js';
export type {
  components as OpenStackComponents,
  paths as OpenStackSpecPaths,
} from '../generated/openstack.js';
export {
  ApiError,
  AuthError,
  CloudNicError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
  VersionError,
} from './core/errors.js';
