/**
 * `cloud-nic/huawei`: the typed Huawei client (`createHuaweiClient`), its options and types, the
 * generated spec types, and the error classes its calls throw.
 */
export * from './providers/huawei.js';
export type {
  components as HuaweiComponents,
  paths as HuaweiSpecPaths,
} from '../generated/huawei.js';
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
