// Every route of the manifest, generated requests (test/support/fuzz.ts) through its real handler,
// middy stack and DynamoDB Local / S3 emulator: bad input is a 4xx, never a 5xx. The suite runs a
// fixed seed; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED, FUZZ_ROUTE to pick one route).
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHandler } from '../../local/handlers';
import { seedDemoCustomer, seedDemoStaff } from '../../local/seed';
import { freshBuckets } from '../support/access-log';
import { freshTables } from '../support/desk';
import { eventFor, FUZZ_ROUTES, requestsFor } from '../support/fuzz';
import { dropTables } from '../support/requests';

// 50 per route in the suite: every route, every kind of request and caller, at a quarter of the 200
// that took 69 s of a 2-core run with 100 routes; `npm run fuzz` runs 2000 per route (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
const SEED = Number(process.env.FUZZ_SEED ?? 20261207);
const routes = FUZZ_ROUTES.filter((r) => !process.env.FUZZ_ROUTE || r.name === process.env.FUZZ_ROUTE);

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

let prefix: string;
beforeAll(async () => {
  prefix = await freshTables();
  await freshBuckets();
  await Promise.all([seedDemoStaff('fuzz-password'), seedDemoCustomer()]);
});
afterAll(() => dropTables(prefix));

describe(`fuzz: ${RUNS} generated requests per route, seed ${SEED}`, () => {
  it.concurrent.each(routes.map((route) => [route.name, route, FUZZ_ROUTES.indexOf(route)] as const))(
    '%s answers no 5xx',
    async (_name, route, index) => {
      const handler = await loadHandler<Handler>(route.name);
      const context = {
        awsRequestId: `fuzz-${route.name}`,
        functionName: route.name,
        getRemainingTimeInMillis: () => 15_000,
      } as unknown as Context;
      const seed = SEED + index;
      try {
        await fc.assert(
          fc.asyncProperty(requestsFor(route), fc.nat(), async (request, pick) => {
            const result = await handler(eventFor(route, request, pick), context);
            if (result.statusCode >= 500)
              throw new Error(
                `${route.method} ${route.path} answered ${result.statusCode}: ${result.body.slice(0, 500)}`,
              );
            // Holders' callbacks: nothing the fuzzer sends is signed, so all are refused before parsing.
            if (route.auth.kind === 'holder-signature' && ![403, 413].includes(result.statusCode))
              throw new Error(`${route.method} ${route.path} answered an unsigned callback ${result.statusCode}`);
          }),
          { seed, numRuns: RUNS },
        );
      } catch (error) {
        // fast-check's message has the seed, the path and the shrunk input; say how to run this one again.
        throw new Error(
          `${route.name} (rerun: FUZZ_ROUTE=${route.name} FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm run fuzz): ${(error as Error).message}\nGot: ${String((error as Error).cause ?? '')}`,
        );
      }
      expect(true).toBe(true);
    },
    // A bound for a stuck route, not a budget: on a loaded machine 50 runs of a route have taken 60 s.
    Math.max(180_000, RUNS * 1_000),
  );
});
