/** Provider-neutral reliability and safety layer: errors, retries and timeouts, redaction. */
export * from './errors.js';
export * from './error-body.js';
export * from './redact.js';
export * from './request-options.js';
export * from './resilient-fetch.js';
export * from './secure-url.js';
