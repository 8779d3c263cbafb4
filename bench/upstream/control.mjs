// Drives the emulator process over its /__emulator/ control routes.

export async function setLatency(origin, ms) {
  const response = await fetch(`${origin}/__emulator/latency`, { method: 'PUT', body: JSON.stringify({ ms }) });
  if (response.status !== 204) throw new Error(`setting latency on ${origin}: ${response.status}`);
}

export async function clearLog(origin) {
  await fetch(`${origin}/__emulator/log`, { method: 'DELETE' });
}

/** How many requests the emulator received since the log was last cleared. */
export async function loggedRequests(origin) {
  const response = await fetch(`${origin}/__emulator/log`);
  return (await response.json()).length;
}
