/** Record ids: random UUIDs (bundles move records between machines, so ids must not collide). */
export function newId(): string {
  return crypto.randomUUID();
}

export function nowIso(): string {
  return new Date().toISOString();
}
