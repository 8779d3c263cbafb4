import type { z } from 'zod';
import { ErrorCode } from '../domain/errorCode';
import { GatewayFault } from '../domain/gatewayFault';
import type { UpstreamRequest, UpstreamResponse } from '../upstream/types';
import type { UpstreamClient } from '../upstream/upstreamClient';
import type { CallContext } from './port';

/**
 * Parsed answers, by answer and schema: requests that shared one upstream read in flight share its parse
 * and its validation too (parsed bodies are read, never changed, by the adapters).
 */
const parsedBodies = new WeakMap<UpstreamResponse, { json: unknown; valid: Map<z.ZodType, unknown> }>();

/**
 * The base of every platform's adapter (Apollo's RESTDataSource, for a catalog port): sending through the
 * store's upstream client, turning statuses into faults, and reading bodies through the zod schemas beside
 * the platform's wire types. A platform fills in two override points: `errorFromResponse` (what a non-2xx
 * answer means, given what the call was about: the `F` context) and, if it needs to, `willSendRequest`.
 */
export abstract class RestAdapter<F> {
  protected constructor(
    protected readonly http: UpstreamClient,
    /** For messages, e.g. `Ecwid`. */
    protected readonly platformName: string,
  ) {}

  /** The fault a non-2xx answer stands for; `context` says what the call was about (what a 404 means). */
  protected abstract errorFromResponse(response: UpstreamResponse, context: F): GatewayFault;

  /** A request's last changes before it is sent (none by default). */
  protected willSendRequest(request: UpstreamRequest, _ctx: CallContext): UpstreamRequest {
    return request;
  }

  protected send(request: UpstreamRequest, ctx: CallContext): Promise<UpstreamResponse> {
    return this.http.send(this.willSendRequest(request, ctx), ctx);
  }

  /** Throws the fault a non-2xx answer stands for. */
  protected ensureOk(response: UpstreamResponse, context: F): void {
    if (!isOk(response)) throw this.errorFromResponse(response, context);
  }

  /** The answer's body, as `schema` reads it; a body that is not that JSON is an upstream failure, never a crash. */
  protected parseBody<T>(response: UpstreamResponse, schema: z.ZodType<T>): T {
    let parsed = parsedBodies.get(response);
    if (!parsed) {
      try {
        parsed = { json: JSON.parse(response.text) as unknown, valid: new Map() };
      } catch {
        throw this.garbage(response);
      }
      parsedBodies.set(response, parsed);
    }
    if (parsed.valid.has(schema)) return parsed.valid.get(schema) as T;
    const result = schema.safeParse(parsed.json);
    if (!result.success) throw this.garbage(response);
    parsed.valid.set(schema, result.data);
    return result.data;
  }

  /** Sends the request and answers its body, as `schema` reads it, or the fault its status stands for. */
  protected async json<T>(request: UpstreamRequest, ctx: CallContext, context: F, schema: z.ZodType<T>): Promise<T> {
    const response = await this.send(request, ctx);
    this.ensureOk(response, context);
    return this.parseBody(response, schema);
  }

  /** A 2xx answer whose body is not what the platform documents. */
  protected garbage(response: UpstreamResponse): GatewayFault {
    return new GatewayFault(ErrorCode.UPSTREAM_UNAVAILABLE, `${this.platformName} answered with a body that is not the expected JSON`, {
      upstreamStatus: response.status,
      retryable: true,
    });
  }
}

export function isOk(response: UpstreamResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
