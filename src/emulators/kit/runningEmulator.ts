import type { EmulatorServer } from './emulatorServer';
import type { RateLimit } from './rateLimiter';

/** Options every platform emulator takes. */
export interface CommonEmulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Seed with the demo catalog (default) or start empty. */
  catalog?: 'demo' | 'empty';
  /** Latency added to every answer, in ms. */
  latencyMs?: number;
  /** Per-token quota; false turns it off (benchmarks). */
  rateLimit?: RateLimit | false;
}

/** A started emulator: its server (log, faults), its in-memory catalog and the baseUrl a store config uses. */
export interface RunningEmulator<TCatalog> {
  server: EmulatorServer;
  catalog: TCatalog;
  /** What goes into the store's `baseUrl` in the gateway's config. */
  baseUrl: string;
  close(): Promise<void>;
}
