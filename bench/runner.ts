// Runs in a fresh node process, like a Lambda cold start: import one bundle, invoke its handler once,
// print the timings. Bundled to .bench/runner.mjs with no dependencies, so it adds nothing to measure.
//   node runner.mjs <bundle.mjs> <event JSON>
import { pathToFileURL } from 'node:url';

/** Marks the result line: the handler's own logs may share stdout. */
export const RESULT_MARKER = 'BENCH_RESULT ';

export interface RunnerResult {
  importMs: number;
  invokeMs: number;
  totalMs: number;
  /** The HTTP status the handler answered, "ok" for a worker, or "error: ..." when it threw. */
  outcome: string;
}

async function main(bundle: string, eventJson: string): Promise<RunnerResult> {
  const event: unknown = JSON.parse(eventJson);
  const context = { awsRequestId: 'bench', functionName: 'bench', getRemainingTimeInMillis: () => 29_000 };
  const started = performance.now();
  const mod = (await import(pathToFileURL(bundle).href)) as { handler: (e: unknown, c: unknown) => Promise<unknown> };
  const imported = performance.now();
  let outcome: string;
  try {
    const result = await mod.handler(event, context);
    const status = (result as { statusCode?: unknown } | undefined)?.statusCode;
    outcome = typeof status === 'number' ? String(status) : 'ok';
  } catch (error) {
    outcome = `error: ${(error as Error).name}: ${(error as Error).message}`;
  }
  const done = performance.now();
  return { importMs: imported - started, invokeMs: done - imported, totalMs: done - started, outcome };
}

// Only when run as the script itself; the bench imports this module for its marker and types.
const [, script, bundle, eventJson] = process.argv;
if (script && import.meta.url === pathToFileURL(script).href && bundle && eventJson) {
  const result = await main(bundle, eventJson);
  // Exit at once: the SDK's keep-alive sockets would otherwise hold the process open.
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`, () => process.exit(0));
}
