/** Fault injection for emulators: tests make an emulator misbehave the way a real platform does. */
export interface FaultRule {
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only requests whose path contains this string or matches this pattern (any when absent). */
  path?: string | RegExp;
  /** Answer with this status instead of handling the request. */
  status?: number;
  /** Body for `status`: an object is sent as JSON, a string as it is (use it for garbage bodies). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Wait this long before answering (or before the fault). */
  delayMs?: number;
  /** Never answer: the socket stays open until the client gives up or the emulator closes. */
  hang?: boolean;
  /** Destroy the connection without an answer. */
  reset?: boolean;
  /** How many matching requests the rule applies to; unlimited when absent. */
  times?: number;
  /** Let this many matching requests through first (fail the Nth: `after: N - 1`). */
  after?: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];

  add(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** The first rule matching the request, consuming one of its `times`. */
  take(method: string, path: string): FaultRule | undefined {
    const index = this.rules.findIndex((rule) => matches(rule, method, path) && !passedThrough(rule));
    if (index < 0) return undefined;
    const rule = this.rules[index];
    if (rule.times !== undefined) {
      rule.times -= 1;
      if (rule.times <= 0) this.rules.splice(index, 1);
    }
    return rule;
  }
}

/** Counts a matching request off the rule's `after`: true while it is still to be let through. */
function passedThrough(rule: FaultRule): boolean {
  if (!rule.after) return false;
  rule.after -= 1;
  return true;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}

/** Fault rules arrive over the control API as JSON: `path` may be `{ "regex": "..." }`. */
export function faultRuleFromJson(json: Record<string, unknown>): FaultRule {
  const { path, ...rest } = json;
  const rule = rest as FaultRule;
  if (typeof path === 'string') rule.path = path;
  else if (path && typeof path === 'object' && typeof (path as { regex?: unknown }).regex === 'string') {
    rule.path = new RegExp((path as { regex: string }).regex);
  }
  return rule;
}
