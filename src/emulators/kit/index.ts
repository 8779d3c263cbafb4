export { EmulatorServer } from './emulatorServer';
export type { EmulatorOptions, EmulatorReply, EmulatorRequest, EmulatorRoute, QuotaDecision, RouteHandler } from './emulatorServer';
export { EmulatorHttpError } from './httpError';
export type { FaultRule } from './faults';
export type { LoggedRequest } from './requestLog';
export { seededRandom } from './seededRandom';
export type { CommonEmulatorOptions, RunningEmulator } from './runningEmulator';
export { FixedWindowRateLimiter } from './rateLimiter';
export type { QuotaState, RateLimit } from './rateLimiter';
