// Turns an EmulatorDefinition into a running node:http server on 127.0.0.1. One request goes
// through: read body (size-limited) -> route -> fault 'before' -> authenticate -> parse JSON ->
// prepare -> validate against the spec -> handler -> fault 'after' -> conformance check -> send.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { systemClock } from './clock.js';
import { STATUS_TEXT, createFaults, htmlErrorPage } from './faults.js';
import { createRandom, randomSeed } from './random.js';
import { createRouter, serverPath } from './router.js';
import { createSpecChecker } from './spec.js';
import type {
  ConformanceViolation,
  EmulatorContext,
  EmulatorDefinition,
  EmulatorHandle,
  EmulatorOptions,
  EmulatorReply,
  EmulatorRequest,
  EmulatorWorld,
  FaultRule,
  RequestLogEntry,
} from './types.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_ASYNC_DELAY_MS = 50;
const CLOSE_GRACE_MS = 1000;

type HandleOf<W extends EmulatorWorld> = EmulatorHandle<
  W['credentials'],
  W['fixtures'],
  W['state']
>;

function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const type = value.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[^/]+\+json$/.test(type);
}

/** Starts one emulator from its definition. */
export async function serveEmulator<O extends EmulatorOptions, W extends EmulatorWorld>(
  definition: EmulatorDefinition<O, W>,
  options: O,
): Promise<HandleOf<W>> {
  const seed = options.seed ?? randomSeed();
  const now = options.now ?? systemClock;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const asyncDelayMs = options.asyncDelayMs ?? DEFAULT_ASYNC_DELAY_MS;
  const docServers = (definition.document.servers ?? []) as { url: string; variables?: object }[];
  const basePath = definition.basePath ?? (docServers[0] ? serverPath(docServers[0]) : '');
  const operations = Object.values(definition.operations);
  for (const op of operations) {
    if (typeof definition.handlers[op.operationId] !== 'function') {
      throw new Error(`${definition.provider} emulator: no handler for ${op.operationId}`);
    }
  }
  const router = createRouter(operations, basePath);
  const checker = createSpecChecker(
    definition.provider,
    definition.document,
    definition.operations,
  );
  const faultRandom = createRandom(`${seed}:faults`);
  const faults = createFaults(faultRandom);
  faults.set(options.faults ?? []);

  const freshRandom = () => createRandom(seed);
  const random = freshRandom();
  const ctx: EmulatorContext<O, W> = {
    provider: definition.provider,
    options,
    world: definition.setup(options, random, now()),
    now,
    random,
    asyncDelayMs,
    url: '',
    origin: '',
  };

  const requests: RequestLogEntry[] = [];
  const conformanceViolations: ConformanceViolation[] = [];
  const sockets = new Set<Socket>();
  const sleepers = new Set<() => void>();
  let seq = 0;
  let closing = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      sleepers.add(done);
    });

  function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBodyBytes) {
        req.resume();
        resolve('too-large');
        return;
      }
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          req.removeAllListeners('data');
          req.resume();
          resolve('too-large');
          return;
        }
        chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  }

  function buildRequest(req: IncomingMessage): EmulatorRequest {
    const rawUrl = req.url ?? '/';
    const host = req.headers.host ?? ctx.origin.replace(/^http:\/\//, '');
    const parsed = new URL(rawUrl, 'http://emulator.invalid');
    let path = parsed.pathname;
    try {
      path = decodeURIComponent(parsed.pathname);
    } catch {
      // keep the raw path
    }
    return {
      seq: ++seq,
      method: (req.method ?? 'GET').toUpperCase(),
      rawUrl,
      absoluteUrl: `http://${host}${rawUrl}`,
      path,
      query: parsed.searchParams,
      headers: req.headers,
      header(name) {
        const value = req.headers[name.toLowerCase()];
        return Array.isArray(value) ? value.join(', ') : value;
      },
      params: {},
      rawBody: Buffer.alloc(0),
      body: undefined,
      parameters: { path: {}, query: {}, header: {} },
      operation: undefined,
      locals: {},
    };
  }

  function log(
    emReq: EmulatorRequest,
    status: number | undefined,
    conformance: RequestLogEntry['conformance'],
    fault?: FaultRule,
  ) {
    requests.push({
      method: emReq.method,
      path: emReq.rawUrl,
      operationId: emReq.operation?.operationId,
      status,
      ...(fault ? { fault: fault.kind } : {}),
      conformance,
    });
  }

  function withProviderHeaders(
    emReq: EmulatorRequest,
    reply: EmulatorReply,
  ): Record<string, string> {
    const extra = definition.responseHeaders?.(emReq, reply, ctx) ?? {};
    return { ...extra, ...(reply.headers ?? {}) };
  }

  function serialize(reply: EmulatorReply): {
    text: string | undefined;
    headers: Record<string, string>;
  } {
    if (reply.body === undefined) return { text: undefined, headers: {} };
    return { text: JSON.stringify(reply.body), headers: { 'content-type': 'application/json' } };
  }

  function writeHead(
    res: ServerResponse,
    status: number,
    headers: Record<string, string>,
    length: number,
  ) {
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.setHeader('content-length', String(length));
    if (closing) res.setHeader('connection', 'close');
  }

  /** Sends a reply; checks it against the spec unless a fault shaped it. */
  function send(
    res: ServerResponse,
    emReq: EmulatorRequest,
    reply: EmulatorReply,
    fault?: FaultRule,
  ) {
    const { text, headers: bodyHeaders } = serialize(reply);
    const headers = { ...bodyHeaders, ...withProviderHeaders(emReq, reply) };
    let conformance: RequestLogEntry['conformance'] = 'unchecked';
    const op = emReq.operation;
    if (fault && fault.kind !== 'latency') {
      conformance = 'exempt';
    } else if (op) {
      const lower = Object.fromEntries(
        Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const errors = checker.checkResponse(
        op.operationId,
        reply.status,
        lower,
        text === undefined ? undefined : JSON.parse(text),
      );
      conformance = errors.length ? 'violation' : 'ok';
      if (errors.length) {
        const violation: ConformanceViolation = {
          provider: definition.provider,
          operationId: op.operationId,
          method: emReq.method,
          path: emReq.rawUrl,
          status: reply.status,
          errors,
        };
        conformanceViolations.push(violation);
        options.onViolation?.(violation);
      }
    }
    const bytes = text === undefined ? Buffer.alloc(0) : Buffer.from(text, 'utf8');
    writeHead(res, reply.status, headers, bytes.length);
    res.end(bytes);
    log(emReq, reply.status, conformance, fault);
  }

  /** Applies a non-latency fault; `reply` is the real answer for `when: 'after'`. */
  function sendFault(
    req: IncomingMessage,
    res: ServerResponse,
    emReq: EmulatorRequest,
    rule: FaultRule,
    reply?: EmulatorReply,
  ) {
    switch (rule.kind) {
      case 'reset':
        log(emReq, undefined, 'exempt', rule);
        req.socket.destroy();
        return;
      case 'html': {
        const status = rule.status ?? 502;
        const page = Buffer.from(htmlErrorPage(status), 'utf8');
        writeHead(res, status, { 'content-type': 'text/html; charset=utf-8' }, page.length);
        res.end(page);
        log(emReq, status, 'exempt', rule);
        return;
      }
      case 'status': {
        const status = rule.status ?? 503;
        const faultReply = definition.errors.fault(emReq, status, ctx);
        const headers = { ...(faultReply.headers ?? {}) };
        if (status === 429 || status === 413 || status === 503) {
          headers['retry-after'] = String(rule.retryAfter ?? 1);
        }
        send(res, emReq, { ...faultReply, headers }, rule);
        return;
      }
      case 'truncate': {
        const full = reply ?? definition.errors.fault(emReq, rule.status ?? 503, ctx);
        const text = JSON.stringify(full.body ?? {});
        const bytes = Buffer.from(text, 'utf8');
        const headers = { 'content-type': 'application/json', ...withProviderHeaders(emReq, full) };
        writeHead(res, full.status, headers, bytes.length);
        res.flushHeaders();
        log(emReq, full.status, 'exempt', rule);
        res.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => {
          req.socket.destroy();
        });
        return;
      }
      default:
        throw new Error(`unexpected fault kind ${rule.kind}`);
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const emReq = buildRequest(req);
    const body = await readBody(req);
    if (body === 'too-large') {
      const reply = definition.errors.payloadTooLarge(emReq, maxBodyBytes, ctx);
      res.on('finish', () => req.socket.destroy());
      send(res, emReq, { ...reply, headers: { ...(reply.headers ?? {}), connection: 'close' } });
      return;
    }
    emReq.rawBody = body;

    const rawPath = emReq.rawUrl.split('?')[0]!;
    const found = router.match(emReq.method, rawPath);
    if (found.kind === 'match') {
      emReq.operation = found.route.operation;
      emReq.params = found.params;
    }

    const before = faults.take('before', emReq.method, emReq.operation?.operationId);
    if (before?.kind === 'latency') await sleep(before.ms ?? 1000);
    else if (before) return sendFault(req, res, emReq, before);
    if (closing) return void req.socket.destroy();

    const delayed = before?.kind === 'latency' ? before : undefined;

    if (found.kind === 'none') {
      return send(res, emReq, definition.errors.notFound(emReq, ctx), delayed);
    }
    if (found.kind === 'method') {
      const reply = definition.errors.methodNotAllowed(emReq, found.allowed, ctx);
      return send(
        res,
        emReq,
        { ...reply, headers: { allow: found.allowed.join(', '), ...(reply.headers ?? {}) } },
        delayed,
      );
    }

    const reply = await answer(emReq);
    const after = faults.take('after', emReq.method, emReq.operation?.operationId);
    if (after?.kind === 'latency') await sleep(after.ms ?? 1000);
    else if (after) return sendFault(req, res, emReq, after, reply);
    if (closing && res.socket?.destroyed) return;
    send(res, emReq, reply, after ?? delayed);
  }

  /** Everything after routing: auth, JSON, validation, the handler. */
  async function answer(emReq: EmulatorRequest): Promise<EmulatorReply> {
    try {
      const denied = await definition.authenticate?.(emReq, ctx);
      if (denied) return denied;
      const op = emReq.operation!;
      if (
        emReq.rawBody.length > 0 &&
        (isJsonContentType(emReq.header('content-type')) ||
          (emReq.header('content-type') === undefined && op.requestBody))
      ) {
        try {
          emReq.body = JSON.parse(emReq.rawBody.toString('utf8'));
        } catch (error) {
          return definition.errors.invalidJson(emReq, (error as Error).message, ctx);
        }
      }
      const prepared = definition.prepare?.(emReq, ctx);
      if (prepared) return prepared;
      const issues = checker.validateRequest(emReq);
      if (issues.length > 0) return definition.errors.invalidRequest(emReq, issues, ctx);
      return await definition.handlers[op.operationId]!(emReq, ctx);
    } catch (error) {
      return definition.errors.internal(emReq, error, ctx);
    }
  }

  const server = createServer({ keepAlive: true }, (req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else {
        req.socket.destroy();
      }
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  ctx.origin = `http://127.0.0.1:${port}`;
  ctx.url = `${ctx.origin}${basePath}`;

  let closed: Promise<void> | undefined;
  const handle: HandleOf<W> = {
    provider: definition.provider,
    url: ctx.url,
    origin: ctx.origin,
    port,
    urlFor(operationId) {
      const route = router.routes.find((r) => r.operation.operationId === operationId);
      if (!route) throw new Error(`${definition.provider} has no operation ${operationId}`);
      return `${ctx.origin}${route.basePath}`;
    },
    get credentials() {
      return ctx.world.credentials;
    },
    get fixtures() {
      return ctx.world.fixtures;
    },
    get state() {
      return ctx.world.state;
    },
    requests,
    conformanceViolations,
    setFaults(rules) {
      faults.set(rules);
    },
    reset() {
      ctx.random = freshRandom();
      ctx.world = definition.setup(options, ctx.random, now());
      requests.length = 0;
      conformanceViolations.length = 0;
      faults.set(options.faults ?? []);
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing = true;
        for (const wake of [...sleepers]) wake();
        const timer = setTimeout(resolve, CLOSE_GRACE_MS);
        server.close(() => {
          clearTimeout(timer);
          resolve();
        });
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
      return closed;
    },
  };
  Object.assign(handle, definition.handleExtras?.(handle as EmulatorHandle) ?? {});
  return handle;
}

export { STATUS_TEXT };
