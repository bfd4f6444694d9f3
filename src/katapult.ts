/**
 * `cloud-nic/katapult`: the typed Katapult client (`createKatapultClient`), its options and types, the
 * generated spec types, and the error classes its calls throw.
 */
export * from './providers/katapult.js';
export type {
  components as KatapultComponents,
  paths as KatapultSpecPaths,
} from '../generated/katapult.js';
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
