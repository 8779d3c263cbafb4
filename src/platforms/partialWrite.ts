import { GatewayFault } from '../domain/gatewayFault';

/**
 * A write of many products spread over several requests (Ecwid's 2000-id chunks, one SFCC request a
 * product, Zaveit's passes) can stop part-way, after the platform took some of it. What landed stays
 * reported as landed; each product not applied becomes one fault of the stopping fault's code and
 * retryability, naming the product (the schema layer points it at the product's index in the input).
 */
export function notApplied(productIds: readonly string[], cause: GatewayFault, verb: 'assigned' | 'unassigned'): GatewayFault[] {
  return productIds.map(
    (productId) =>
      new GatewayFault(cause.code, `Product ${productId} was not ${verb}: ${cause.message}`, {
        productId,
        retryable: cause.retryable,
        upstreamStatus: cause.upstreamStatus,
        retryAfterSeconds: cause.retryAfterSeconds,
      }),
  );
}

/**
 * Awaits a write of several requests. A GatewayFault after `landed()` says some of them were applied is
 * answered: the write stopped part-way. Before anything landed, or any other failure, it is thrown as
 * it is (a top-level error, as for a single request).
 */
export async function faultAfterSomeLanded(write: Promise<void>, landed: () => boolean): Promise<GatewayFault | undefined> {
  try {
    await write;
    return undefined;
  } catch (error) {
    if (error instanceof GatewayFault && landed()) return error;
    throw error;
  }
}

/** Runs `steps` in order until one fails: how many completed, and the fault that stopped the rest (as faultAfterSomeLanded). */
export async function runUntilFault<T>(steps: readonly T[], step: (item: T) => Promise<void>): Promise<{ completed: number; stopped?: GatewayFault }> {
  let completed = 0;
  const stopped = await faultAfterSomeLanded(
    (async () => {
      for (const item of steps) {
        await step(item);
        completed += 1;
      }
    })(),
    () => completed > 0,
  );
  return { completed, stopped };
}
