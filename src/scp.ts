/**
 * `cloud-nic/scp`: the typed Scp client (`createScpClient`), its options and types, the
 * generated spec types, and the error classes its calls throw.
 */
export * from './providers/scp.js';
export type { components as ScpComponents, paths as ScpSpecPaths } from '../generated/scp.js';
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
