import { z } from 'zod';
import { SCOPES } from './scopes';

/**
 * A client's budget of upstream requests, as Shopify's Admin API keeps one per app (README, "Limits and
 * budgets"): a bucket of `maximumAvailable` points, one point an upstream request, refilled `restoreRate` a second.
 */
export const budgetSchema = z
  .object({
    maximumAvailable: z.number().int().min(1).max(1_000_000),
    restoreRate: z.number().positive().max(1_000_000),
  })
  .strict();

export type BudgetSettings = z.infer<typeof budgetSchema>;

/**
 * The `clients` section: who may call the gateway, with which key, on which stores and with which
 * scopes. Absent, the gateway runs open (README, "Authentication").
 */
export const clientConfigSchema = z
  .object({
    /** Shown in logs and errors, never the key. */
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'must match [A-Za-z0-9][A-Za-z0-9_.-]* (at most 64 characters)'),
    /** Usually `${VAR}`; sent as `Authorization: Bearer <key>` or `x-api-key: <key>`. */
    key: z
      .string()
      .min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)')
      .max(512, 'must be at most 512 characters')
      .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
    /** The store ids the client may reach, or "*" for every store. */
    stores: z.union([z.literal('*'), z.array(z.string().min(1)).min(1, 'must list at least one store, or be "*"')]),
    /** Its own budget; without one, `server.budget`'s. */
    budget: budgetSchema.optional(),
    scopes: z.array(z.enum(SCOPES, { error: `must be one of ${SCOPES.join(', ')}` })).min(1, `must list at least one of ${SCOPES.join(', ')}`),
  })
  .strict();

export const clientsSchema = z.array(clientConfigSchema).min(1, 'must list at least one client (leave `clients` out to run the gateway open)');

export type ClientConfig = z.infer<typeof clientConfigSchema>;

/** Checks that need the whole config: unique names and keys, and stores that are configured. */
export function checkClients(clients: readonly ClientConfig[] | undefined, storeIds: readonly string[], ctx: z.RefinementCtx): void {
  if (!clients) return;
  const configured = new Set(storeIds);
  const names = new Set<string>();
  const keys = new Set<string>();
  clients.forEach((client, index) => {
    if (names.has(client.name)) ctx.addIssue({ code: 'custom', path: ['clients', index, 'name'], message: `duplicate client name "${client.name}"` });
    names.add(client.name);
    // The message never carries the key itself.
    if (keys.has(client.key)) ctx.addIssue({ code: 'custom', path: ['clients', index, 'key'], message: 'the same key as another client' });
    keys.add(client.key);
    if (client.stores === '*') return;
    client.stores.forEach((storeId, storeIndex) => {
      if (configured.has(storeId)) return;
      const hint = storeId === '*' ? ' (for every store write stores: "*", not a list)' : '';
      ctx.addIssue({ code: 'custom', path: ['clients', index, 'stores', storeIndex], message: `store "${storeId}" is not configured${hint}` });
    });
  });
}
