import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Router, { HTTPMethod } from 'find-my-way';
import { EmulatorHttpError } from './httpError';
import { FaultInjector, FaultRule, faultRuleFromJson } from './faults';
import { RequestLog } from './requestLog';
import { FixedWindowRateLimiter, RateLimit } from './rateLimiter';

/** A request as an emulator's route handlers see it. */
export interface EmulatorRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The bearer token, if the request carried one. */
  token?: string;
  /** The body parsed as JSON; a malformed body answers 400 with the given error body. */
  json(malformedBody?: unknown): unknown;
}

export interface EmulatorReply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (req: EmulatorRequest) => EmulatorReply | Promise<EmulatorReply>;

export interface EmulatorRoute {
  method: HTTPMethod;
  path: string;
  handler: RouteHandler;
}

export interface EmulatorOptions {
  name: string;
  routes: EmulatorRoute[];
  /** Throws an EmulatorHttpError when the request may not pass (bad token, wrong tenant). */
  authorize?: (req: EmulatorRequest) => void;
  /** Per-token quota; requests over it answer 429 with Retry-After. */
  rateLimit?: RateLimit;
  /** Latency added to every answer, standing for the internet between gateway and platform. */
  latencyMs?: number;
  /** Largest request body accepted; larger answers 413. */
  maxBodyBytes?: number;
  /** Body of 404 answers for paths no route knows. */
  notFoundBody?: unknown;
  /**
   * A platform's own quota, checked after `authorize` instead of `rateLimit`: its headers go on every answer
   * from then on (the route's, its errors, 404s), and `reject` answers in place of the route.
   */
  quota?: (req: EmulatorRequest) => QuotaDecision;
}

/** What a platform's quota says about one request. */
export interface QuotaDecision {
  headers?: Record<string, string>;
  /** The over-quota answer; the route is not run. */
  reject?: EmulatorReply;
}

const CONTROL_PREFIX = '/__emulator/';

/**
 * A platform emulator: a real HTTP server on loopback with the platform's routes, a request log and
 * fault injection. Tests drive it in-process; a separate process drives it through /__emulator/.
 */
export class EmulatorServer {
  readonly log = new RequestLog();
  readonly faults = new FaultInjector();
  latencyMs: number;
  private readonly router = Router({ ignoreTrailingSlash: true });
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly limiter?: FixedWindowRateLimiter;
  private address?: string;

  constructor(private readonly options: EmulatorOptions) {
    this.latencyMs = options.latencyMs ?? 0;
    this.limiter = options.rateLimit ? new FixedWindowRateLimiter(options.rateLimit) : undefined;
    for (const route of options.routes) {
      this.router.on(route.method, route.path, () => undefined, { handler: route.handler });
    }
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Starts listening on 127.0.0.1 and resolves with the origin, e.g. http://127.0.0.1:41234. */
  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    const { port: bound } = this.server.address() as AddressInfo;
    this.address = `http://127.0.0.1:${bound}`;
    return this.address;
  }

  get origin(): string {
    if (!this.address) throw new Error(`${this.options.name} emulator is not listening`);
    return this.address;
  }

  injectFault(rule: FaultRule): void {
    this.faults.add(rule);
  }

  async close(): Promise<void> {
    // Hanging requests would keep the server open forever.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const method = (req.method ?? 'GET').toUpperCase();
    let body: Buffer;
    try {
      body = await readBody(req, this.options.maxBodyBytes ?? 32 * 1024 * 1024);
    } catch {
      send(res, { status: 413, body: { errorMessage: 'Request body is too large' } });
      return;
    }
    if (url.pathname.startsWith(CONTROL_PREFIX)) {
      this.handleControl(method, url.pathname.slice(CONTROL_PREFIX.length), body, res);
      return;
    }

    const fault = this.faults.take(method, url.pathname);
    const delay = (fault?.delayMs ?? 0) + this.latencyMs;
    if (delay > 0) await sleep(delay);
    if (fault?.hang) {
      this.log.record({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0, at: Date.now() });
      return;
    }
    if (fault?.reset) {
      this.log.record({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0, at: Date.now() });
      req.socket.destroy();
      return;
    }

    const reply = fault?.status !== undefined ? { status: fault.status, body: fault.body, headers: fault.headers } : await this.route(method, url, req, body);
    this.log.record({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: reply.status ?? 200,
      body: method === 'GET' ? undefined : parseJsonOrUndefined(body),
      at: Date.now(),
    });
    send(res, reply);
  }

  private async route(method: string, url: URL, req: IncomingMessage, body: Buffer): Promise<EmulatorReply> {
    const found = this.router.find(method as HTTPMethod, url.pathname);
    const token = bearerToken(req.headers.authorization) ?? url.searchParams.get('token') ?? undefined;
    const request: EmulatorRequest = {
      method,
      path: url.pathname,
      params: (found?.params ?? {}) as Record<string, string>,
      query: url.searchParams,
      headers: req.headers,
      body,
      token,
      json(malformedBody) {
        try {
          return JSON.parse(body.toString('utf8'));
        } catch {
          throw new EmulatorHttpError(400, malformedBody);
        }
      },
    };
    let quotaHeaders: Record<string, string> | undefined;
    try {
      this.options.authorize?.(request);
      if (this.limiter) {
        const retryAfter = this.limiter.take(token ?? '');
        if (retryAfter !== undefined) {
          return { status: 429, headers: { 'retry-after': String(retryAfter) } };
        }
      }
      const decision = this.options.quota?.(request);
      quotaHeaders = decision?.headers;
      if (decision?.reject) return withHeaders(decision.reject, quotaHeaders);
      if (!found) return withHeaders({ status: 404, body: this.options.notFoundBody }, quotaHeaders);
      const { handler } = found.store as { handler: RouteHandler };
      return withHeaders(await handler(request), quotaHeaders);
    } catch (error) {
      if (error instanceof EmulatorHttpError) return withHeaders({ status: error.status, body: error.body, headers: error.headers }, quotaHeaders);
      return withHeaders({ status: 500, body: { errorMessage: 'Internal server error' } }, quotaHeaders);
    }
  }

  private handleControl(method: string, command: string, body: Buffer, res: ServerResponse): void {
    if (command === 'log' && method === 'GET') return send(res, { body: this.log.all() });
    if (command === 'log' && method === 'DELETE') {
      this.log.clear();
      return send(res, { status: 204 });
    }
    if (command === 'faults' && method === 'POST') {
      this.faults.add(faultRuleFromJson(JSON.parse(body.toString('utf8') || '{}')));
      return send(res, { status: 204 });
    }
    if (command === 'faults' && method === 'DELETE') {
      this.faults.clear();
      return send(res, { status: 204 });
    }
    if (command === 'latency' && method === 'PUT') {
      this.latencyMs = Number(JSON.parse(body.toString('utf8') || '{}').ms ?? 0);
      return send(res, { status: 204 });
    }
    send(res, { status: 404 });
  }
}

/** The reply with the quota's headers added (the reply's own win on a clash). */
function withHeaders(reply: EmulatorReply, headers: Record<string, string> | undefined): EmulatorReply {
  return headers ? { ...reply, headers: { ...headers, ...reply.headers } } : reply;
}

function send(res: ServerResponse, reply: EmulatorReply): void {
  const status = reply.status ?? 200;
  const headers: Record<string, string> = { ...reply.headers };
  let payload: string | Buffer | undefined;
  if (Buffer.isBuffer(reply.body) || typeof reply.body === 'string') {
    payload = reply.body;
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(status, headers);
  res.end(payload);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  return match?.[1];
}

function parseJsonOrUndefined(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
