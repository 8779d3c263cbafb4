/** Thrown by an emulator's handlers to answer with a platform's error status and body. */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`HTTP ${status}`);
  }
}
