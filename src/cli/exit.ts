// Exit codes and the one-line error report of the command.
import {
  ApiError,
  AuthError,
  NetworkError,
  ResponseBodyError,
  TimeoutError,
  ValidationError,
  VersionError,
  oneLine,
} from '../core/errors.js';
import { WaitError } from '../nic/index.js';

/** Exit codes, documented in `cloud-nic --help` and the README. */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  validation: 3,
  auth: 4,
  api: 5,
  network: 6,
  version: 7,
  wait: 8,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  success
  1  unexpected error (a bug: please report it)
  2  usage error (unknown command or option, missing or bad value, missing credentials)
  3  validation error: the input was refused before anything was sent
  4  authentication error: the provider rejected the credentials
  5  API error: the provider answered with an error (its code is printed)
  6  timeout or network error: no complete answer (the request may have been acted upon)
  7  version error: the API version or microversion is refused or unusable
  8  wait failed or timed out (the provider's reason or the last state seen is printed)`;

/** A mistake in the command line itself. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help explains the fix. */
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof ValidationError) return EXIT.validation;
  if (error instanceof AuthError) return EXIT.auth;
  if (error instanceof VersionError) return EXIT.version;
  if (error instanceof WaitError) return EXIT.wait;
  if (error instanceof ApiError) return EXIT.api;
  if (
    error instanceof TimeoutError ||
    error instanceof NetworkError ||
    error instanceof ResponseBodyError
  ) {
    return EXIT.network;
  }
  return EXIT.unexpected;
}

/**
 * The error as one line: the kind, the provider's code where there is one, the message (which
 * the error classes keep free of secrets). Never a stack.
 */
export function errorLine(error: unknown): string {
  if (error instanceof UsageError) {
    const hint = error.command
      ? `run 'cloud-nic ${error.command} --help'`
      : "run 'cloud-nic --help'";
    return `cloud-nic: usage error: ${oneLine(error.message, 600)} (${hint})`;
  }
  if (error instanceof Error) {
    const code =
      error instanceof WaitError
        ? (error.providerCode ?? error.reason)
        : error instanceof ApiError || error instanceof VersionError
          ? error.code
          : error instanceof NetworkError
            ? error.code
            : undefined;
    const name = error.name || 'Error';
    return `cloud-nic: ${name}${code ? ` [${code}]` : ''}: ${oneLine(error.message, 600)}`;
  }
  return `cloud-nic: error: ${oneLine(String(error), 600)}`;
}
