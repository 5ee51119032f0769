// Cold initialisation of one bundle: a fresh node process per measurement, so nothing is cached.
import { spawn } from 'node:child_process';
import { RESULT_MARKER, type RunnerResult } from './runner';

/** A run that hangs is a failure to report, not something to wait for. */
const RUN_TIMEOUT_MS = 60_000;

export function coldStart(
  runner: string,
  bundle: string,
  event: unknown,
  env: Record<string, string>,
): Promise<RunnerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runner, bundle, JSON.stringify(event)], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith(RESULT_MARKER));
      if (line) return resolve(JSON.parse(line.slice(RESULT_MARKER.length)) as RunnerResult);
      reject(
        new Error(
          `${bundle}: no result (exit ${code ?? signal}): ${stderr.trim().slice(-2000) || stdout.trim().slice(-2000)}`,
        ),
      );
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Each timing's median on its own (so import + call need not add up to total), and the spread of totals. */
export function summarise(runs: RunnerResult[]) {
  const totals = runs.map((r) => r.totalMs);
  return {
    importMs: median(runs.map((r) => r.importMs)),
    invokeMs: median(runs.map((r) => r.invokeMs)),
    totalMs: median(totals),
    rangeMs: [Math.min(...totals), Math.max(...totals)] as [number, number],
  };
}
