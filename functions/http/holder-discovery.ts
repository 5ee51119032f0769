// A holder whose discovery cannot be reached at registration is a dependency down, not a fault of the
// request: 503 with Retry-After, nothing stored (docs/architecture.md, "503, not 500").
import { HolderDiscoveryUnavailable } from '../domain/holders/registry';
import { HttpProblem } from './problem';

/** Seconds before trying again: a holder that is restarting or redeploying is usually back by then. */
export const HOLDER_RETRY_AFTER_SECONDS = 30;

export async function answeringUnreachableHolder<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof HolderDiscoveryUnavailable)) throw error;
    throw new HttpProblem(
      503,
      'holder-unreachable',
      'Holder not reachable',
      `baseUrl: ${error.message}, so nothing was stored. Check the URL with the holder, or try again in ${HOLDER_RETRY_AFTER_SECONDS} seconds.`,
      [{ field: 'body.baseUrl', message: error.message }],
      { 'retry-after': String(HOLDER_RETRY_AFTER_SECONDS) },
    );
  }
}
