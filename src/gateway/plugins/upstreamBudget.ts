import type { ApolloServerPlugin } from '@apollo/server';
import { costRefusal, throttled } from '../../schema/errors';
import type { Client } from '../../auth/client';
import type { BudgetAccount, ClientBudgets, ThrottleStatus } from '../clientBudgets';
import type { GatewayContext } from '../context';
import type { UpstreamCostEstimator } from '../upstreamCost';

export interface UpstreamBudgetOptions {
  estimator: UpstreamCostEstimator;
  budgets: ClientBudgets;
  /** server.limits.maxUpstreamRequests */
  maxUpstreamRequests: number;
  /** Every configured store's id: what `stores` answers for a client that reaches them all. */
  storeIds: readonly string[];
}

export interface UpstreamBudget {
  plugin: ApolloServerPlugin<GatewayContext>;
  chargeReplay(client: Client | null, callerAddress: string, requested: number): Promise<OperationCost | undefined>;
}

/** Shopify's `extensions.cost`, in upstream requests. */
export interface OperationCost {
  /** The estimate, taken from the budget before execution; null when the operation was not priced (it did not parse or validate). */
  requestedQueryCost: number | null;
  /** The upstream requests the operation made; null when it was refused before execution. */
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/**
 * Prices every operation in upstream requests before it runs and has its client pay for it, as Shopify's
 * Admin API does (README, "Limits and budgets"): over `maxUpstreamRequests` (or more than the client's
 * bucket ever holds) it is refused with BAD_USER_INPUT; over what the bucket holds now, with THROTTLED and
 * retryAfterSeconds. Either way no resolver runs, so no platform is asked. After the answer the difference
 * between the estimate and the upstream requests made is given back (or taken, when it made more), and
 * every answer says so in `extensions.cost`.
 */
export function upstreamBudget({ estimator, budgets, maxUpstreamRequests, storeIds }: UpstreamBudgetOptions): UpstreamBudget {
  /** The most one operation of this account may cost: over it, it is refused whatever the bucket holds. */
  const limitOf = (account: BudgetAccount) => Math.min(maxUpstreamRequests, account.settings.maximumAvailable);

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart({ contextValue }) {
      const { client } = contextValue;
      const account = budgets.accountFor(client, contextValue.callerAddress);
      const cost: Partial<OperationCost> & Pick<OperationCost, 'requestedQueryCost' | 'actualQueryCost'> = { requestedQueryCost: null, actualQueryCost: null };
      let paid = false;
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const reachable = client ? storeIds.filter((id) => client.mayReach(id)) : storeIds;
          const requested = estimator.estimate({ schema, document, operation, variables: request.variables ?? {}, reachable });
          if (requested === undefined) return;
          cost.requestedQueryCost = requested;
          contextValue.requestedCost = requested;
          const limit = limitOf(account);
          if (requested > limit) {
            const over = limit === maxUpstreamRequests ? 'the limit of one operation' : "the client's whole budget";
            throw costRefusal(
              `The operation may make ${requested} upstream requests, above ${over} (${limit}): ask for fewer items (first, ids) or fewer fields`,
              requested,
              limit,
            );
          }
          const taken = await account.take(requested);
          if (!taken.granted) {
            throw throttled(
              `Throttled: the operation needs ${requested} points, ${taken.status.currentlyAvailable} are available; retry in ${taken.retryAfterSeconds} s`,
              requested,
              taken.retryAfterSeconds,
            );
          }
          paid = true;
        },
        async executionDidStart() {
          cost.actualQueryCost = 0;
        },
        async willSendResponse({ response }) {
          // An answer from the answer cache ran no execution and made no upstream request.
          if (cost.actualQueryCost !== null || contextValue.answerCache === 'hit') cost.actualQueryCost = contextValue.upstreamTimings.length;
          // Settling nothing reads the bucket as it is now.
          cost.throttleStatus = await account.settle(paid ? cost.requestedQueryCost! - (cost.actualQueryCost ?? 0) : 0);
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost };
        },
      };
    },
  };

  /** A kept answer replayed: its price taken and given back at once (it made no upstream request), or undefined when it could not be paid. */
  const chargeReplay = async (client: Client | null, callerAddress: string, requested: number): Promise<OperationCost | undefined> => {
    const account = budgets.accountFor(client, callerAddress);
    if (requested > limitOf(account) || !(await account.take(requested)).granted) return undefined;
    return { requestedQueryCost: requested, actualQueryCost: 0, throttleStatus: await account.settle(requested) };
  };

  return { plugin, chargeReplay };
}
