import type { ZaveitHarness } from './zaveitGateway';
import { gid } from './gateway';
import { ZAVEIT_STORE } from './zaveitGateway';

/** Ids of the Zaveit demo catalog (seeded, so the same on every start). */
export const LISENSER = 'd489f5cf-c23e-423e-b777-97a05cfadb34';
export const MICROSOFT_365 = '478266a2-d8e0-42cf-94e7-12854a0d1d65';
/** "Microsoft 365 for bedrift": ten products, the first of them TEAMS_ESSENTIALS. */
export const M365_BUSINESS = '76a489e5-939a-4239-b166-4fbac4caf9fa';
export const TEAMS_ESSENTIALS = '3696abc0-79c2-4a86-8182-82ec192183b7';
export const ONEDRIVE_PLAN_1 = '454bc356-6bc7-4ac4-875e-79991cf61432';
/** Products in no category: "Exchange Online (Plan 1)" (M365B-1002) and "Fortinet FortiGate 40F" (FW-1001). */
export const EXCHANGE_PLAN_1 = '97c2cc24-4311-4497-8ce0-07338a708ddd';
export const FORTIGATE_40F = '3b25dd1b-cf88-42bc-8a8f-1083bc5ed056';
/** Well-formed ids that name nothing. */
export const GHOST = '00000000-0000-4000-8000-000000000000';
export const GHOST_2 = '00000000-0000-4000-8000-000000000001';

export const categoryGid = (id: string) => gid('Category', ZAVEIT_STORE, id);
export const productGid = (id: string) => gid('Product', ZAVEIT_STORE, id);

const BASE = '/v2/product/category';

/** The emulator's request log as `METHOD path` lines, the category base path shortened to `~`. */
export function upstreamRequests(harness: ZaveitHarness): string[] {
  return harness.emulator.server.log.all().map((entry) => `${entry.method} ${entry.path.replace(BASE, '~')}`);
}

export function productIdsIn(harness: ZaveitHarness, categoryId: string): string[] {
  return harness.emulator.catalog.category(categoryId)?.productIds ?? [];
}
