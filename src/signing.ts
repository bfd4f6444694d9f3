/**
 * `cloud-nic/signing`: request signing for Samsung Cloud Platform (`Scp-Signature`) and Huawei
 * Cloud (`SDK-HMAC-SHA256`), plus the matching verifiers used by the emulators. Pure functions over
 * strings and bytes; they run in Node 20+ and in browsers (see `auth/hmac.ts`).
 */
export {
  SCP_DEFAULT_CLIENT_TYPE,
  scpStringToSign,
  signScp,
  verifyScpSignature,
  type ScpSignInput,
  type ScpStringToSignInput,
  type ScpVerifyInput,
} from './auth/scp-signature.js';
export {
  EMPTY_BODY_SHA256,
  HUAWEI_SIGNING_ALGORITHM,
  formatSdkDate,
  huaweiCanonicalQueryString,
  huaweiCanonicalRequest,
  huaweiCanonicalUri,
  huaweiPayloadHash,
  huaweiStringToSign,
  parseHuaweiAuthorization,
  sdkDateToEpochMs,
  signHuawei,
  verifyHuaweiSignature,
  type HuaweiAuthorization,
  type HuaweiBody,
  type HuaweiHeadersInput,
  type HuaweiRequestInput,
  type HuaweiSignInput,
  type HuaweiSignature,
  type HuaweiVerifyFailureReason,
  type HuaweiVerifyInput,
  type HuaweiVerifyResult,
} from './auth/huawei-signature.js';
export { encodeRfc3986 } from './auth/rfc3986.js';
export { hmacSha256, sha256Hex, toBase64, toHex, type BinaryInput } from './auth/hmac.js';
