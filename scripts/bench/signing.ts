// Signing speed: signScp and signHuawei against the official Huawei Node SDK signer (`AKSKSigner`
// from @huaweicloud/huaweicloud-sdk-core) on the same three NIC requests (list, attach, detach).
//
// Before timing, every request is signed by both with one fixed X-Sdk-Date and the Authorization
// headers must be equal, so the two really do the same work.
//
// Fairness: each side gets its request data in the form its client holds when it signs, built
// once before timing, so that neither pays for building requests inside the timed loop. The SDK
// gets its request objects (endpoint, header record, query parameter object, body object: it
// serializes the query and `JSON.stringify`s the body itself while signing, as it does for every
// real call). Ours gets the strings the cloud-nic client has already built to send: the full URL
// with its query, the header record and the JSON body text. Each timed call then signs at a fresh
// time, as a client does per request: the SDK reads the clock itself (no X-Sdk-Date header
// given), ours gets a new input object with `date: new Date()` (`timestamp: Date.now()` for SCP).
// No signature, canonical request or digest is reused between calls: every call canonicalizes,
// hashes and HMACs from scratch (ours keeps only the HMAC padded key blocks of the secret and the
// X-Sdk-Date text of the current second).
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { builtModule } from './built.js';
import type { BenchRow } from './report.js';
import { interleavedRounds, median, medianRatio, type BenchProfile } from './stats.js';

const ACCESS_KEY = 'QTWAOYTTINDUT2QVKYUC';
const SECRET_KEY = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';
const SERVER = '6b6a4a4b-2f4e-4c3a-8e2b-6a5f2a0e8b11';
const PORT = 'ce531f90-199f-48c0-816c-13e38010b442';
const ORIGIN = 'https://ecs.cn-north-4.myhuaweicloud.com';
const BASE = `${ORIGIN}/v2.1/${PROJECT}/servers/${SERVER}/os-interface`;

interface SampleRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

/** The NIC calls a client makes: list (with a query), attach (JSON body), detach. */
const REQUESTS: SampleRequest[] = [
  { method: 'GET', path: BASE, query: { limit: '10', marker: PORT } },
  { method: 'POST', path: BASE, query: {}, body: { interfaceAttachment: { port_id: PORT } } },
  { method: 'DELETE', path: `${BASE}/${PORT}`, query: {} },
];

type SdkRequest = {
  method: string;
  endpoint: string;
  headers: Record<string, string>;
  queryParams: Record<string, string>;
  data?: unknown;
};

const credential = { getAk: () => ACCESS_KEY, getSk: () => SECRET_KEY } as never;

function sdkRequest(r: SampleRequest, sdkDate?: string): SdkRequest {
  const headers: Record<string, string> = { 'X-Project-Id': PROJECT };
  if (r.body !== undefined) headers['Content-Type'] = 'application/json';
  if (sdkDate) headers['X-Sdk-Date'] = sdkDate;
  return { method: r.method, endpoint: r.path, headers, queryParams: r.query, data: r.body };
}

/** What the cloud-nic client holds when it signs: the URL, headers and body text it will send. */
interface OurRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function ourRequest(r: SampleRequest): OurRequest {
  const search = new URLSearchParams(r.query).toString();
  const headers: Record<string, string> = { 'X-Project-Id': PROJECT };
  if (r.body !== undefined) headers['Content-Type'] = 'application/json';
  return {
    method: r.method,
    url: search ? `${r.path}?${search}` : r.path,
    headers,
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  };
}

function ourInput(r: OurRequest, date: Date | string) {
  return {
    method: r.method,
    url: r.url,
    headers: r.headers,
    body: r.body,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    date,
  };
}

/** Both signers must produce the same Authorization for every sample request. */
async function checkSameSignatures(): Promise<void> {
  const sdkDate = formatSdkDate(new Date('2026-11-20T08:30:00Z'));
  for (const r of REQUESTS) {
    const theirs = (AKSKSigner.sign(sdkRequest(r, sdkDate), credential) as Record<string, string>)
      .Authorization;
    const ours = (await signHuawei(ourInput(ourRequest(r), sdkDate))).authorization;
    if (theirs !== ours) {
      throw new Error(
        `signers disagree on ${r.method} ${r.path}:\n  sdk:  ${theirs}\n  ours: ${ours}`,
      );
    }
  }
}

// The compiled package (dist/), as users run it: not the TypeScript sources through tsx.
const { formatSdkDate, signHuawei, signScp } =
  await builtModule<typeof import('../../src/signing.js')>('signing');
const { useCryptoBackend } =
  await builtModule<typeof import('../../src/auth/hmac.js')>('auth/hmac');

export async function benchSigning(profile: BenchProfile): Promise<BenchRow[]> {
  await checkSameSignatures();
  let i = 0;
  let j = 0;
  let k = 0;
  let w = 0;
  // Built once, before timing (see the header comment).
  const sdkRequests = REQUESTS.map((r) => sdkRequest(r));
  const ourRequests = REQUESTS.map(ourRequest);
  const candidates = {
    sdk: () => AKSKSigner.sign(sdkRequests[i++ % 3]!, credential),
    signHuawei: () => signHuawei(ourInput(ourRequests[j++ % 3]!, new Date())),
    signScp: () => {
      const r = ourRequests[k++ % 3]!;
      return signScp({
        method: r.method,
        url: r.url,
        timestamp: Date.now(),
        accessKey: ACCESS_KEY,
        secretKey: SECRET_KEY,
      });
    },
    webCrypto: async () => {
      useCryptoBackend('web');
      try {
        return await signHuawei(ourInput(ourRequests[w++ % 3]!, new Date()));
      } finally {
        useCryptoBackend('auto');
      }
    },
  };
  const rounds = await interleavedRounds(candidates, profile, { batch: 300 });
  const sdkRounds = rounds.sdk!;
  const sdk = median(sdkRounds);
  const row = (subject: string, name: string, goal: boolean, note?: string): BenchRow => {
    const ratio = medianRatio(rounds[name]!, sdkRounds);
    return {
      section: 'signing',
      subject,
      value: median(rounds[name]!),
      baselineValue: sdk,
      unit: 'ops/s',
      baseline: 'AKSKSigner (official Huawei Node SDK)',
      ratio,
      goal: goal ? '>= 4x the official signer' : null,
      met: goal ? ratio >= 4 : null,
      ...(note ? { note } : {}),
    };
  };
  return [
    row('signHuawei', 'signHuawei', true),
    row('signScp', 'signScp', true),
    row(
      'signHuawei (Web Crypto backend)',
      'webCrypto',
      false,
      'the browser path, run in Node for comparison (no goal)',
    ),
  ];
}
