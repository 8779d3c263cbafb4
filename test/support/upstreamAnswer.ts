import type { UpstreamResponse } from '../../src/upstream/types';

/** A platform's answer as the upstream client hands it on: a body is sent as JSON unless it is already a string. */
export function upstreamAnswer(status: number, body?: unknown, headers: Record<string, string> = {}): UpstreamResponse {
  return { status, headers, text: body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body) };
}
