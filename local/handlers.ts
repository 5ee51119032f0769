// Loads a function's handler the way Lambda does: the module named in the manifest, its `handler`.
// Node caches the module, so every route and worker gets one instance, as in a warm container.
export async function loadHandler<H>(name: string): Promise<H> {
  return ((await import(`../functions/handlers/${name}`)) as { handler: H }).handler;
}
