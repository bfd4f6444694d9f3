// Helpers for emulator tests: a raw node:http client that reports what actually arrived (so
// resets and truncated bodies are observable), and the conformance assertion every test ends with.
import { request as httpRequest } from 'node:http';
import { expect } from 'vitest';

export interface RawResponse {
  status?: number;
  headers: Record<string, string | string[] | undefined>;
  /** Bytes received before the end or the error. */
  body: string;
  /** Set when the connection failed: `ECONNRESET`, `aborted` (body cut short) ... */
  error?: string;
}

/** One request over a fresh connection; never rejects (network failures land in `error`). */
export function rawRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const out: RawResponse = { headers: {}, body: '' };
    let settled = false;
    const finish = (error?: string) => {
      if (settled) return;
      settled = true;
      if (error) out.error = error;
      resolve(out);
    };
    const req = httpRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, agent: false },
      (res) => {
        out.status = res.statusCode;
        out.headers = res.headers;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (out.body += chunk));
        res.on('end', () => finish());
        res.on('aborted', () => finish('aborted'));
        res.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => finish(err.code ?? err.message));
    req.end(init.body);
  });
}

/** Every answer the emulator gave so far matched the spec. */
export function expectConformant(handle: { conformanceViolations: unknown[] }): void {
  expect(handle.conformanceViolations).toEqual([]);
}
