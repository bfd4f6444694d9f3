/**
 * `cloud-nic/rackspace`: the typed Rackspace client (`createRackspaceClient`), its options and types, the
 * generated spec types, and the error classes its calls throw.
 */
export * from './providers/rackspace.js';
export type {
  components as RackspaceComponents,
  paths as RackspaceSpecPaths,
} from '../generated/rackspace.js';
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
