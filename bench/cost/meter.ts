// Counts what the desk's own AWS clients do while the cost scenario drives its handlers in-process:
// middleware added to the process's client singletons by the bench only (shipped code never asks
// DynamoDB for its consumed capacity), handlers timed as Lambda would bill them, log bytes counted.
import { s3 } from '../../functions/adapters/audit-bucket';
import { dynamo, ses } from '../../functions/adapters/clients';
import { billedGbSeconds, EMPTY_USAGE, type Usage } from './model';

/** Item-level calls: the ones that take ReturnConsumedCapacity and that CloudTrail logs as data events. */
const ITEM_CALLS = /^(Get|Put|Update|Delete|Query|Scan|BatchGet|BatchWrite|TransactGet|TransactWrite)/;
const S3_PUT_CLASS = /^(Put|Copy|Post|List|CreateMultipart|UploadPart|CompleteMultipart)/;
/** The START, END and REPORT lines Lambda writes for every invocation (about 110 + 70 + 180 bytes). */
export const PLATFORM_LOG_BYTES_PER_INVOCATION = 360;

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}
const READS = /^(Get|Query|Scan|BatchGet|TransactGet)/;

/** Read and write units of one ConsumedCapacity entry; DynamoDB Local gives only the total for some calls. */
export function unitsOf(command: string, c: Capacity): { read: number; write: number } {
  if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined)
    return { read: c.ReadCapacityUnits ?? 0, write: c.WriteCapacityUnits ?? 0 };
  const units = c.CapacityUnits ?? 0;
  return READS.test(command) ? { read: units, write: 0 } : { read: 0, write: units };
}

export class Meter {
  private usage: Usage = { ...EMPTY_USAGE };
  /** Item-level calls that came back without ConsumedCapacity: if any, the capacity figures are short. */
  unreported = 0;
  private readonly names = ['benchCostDynamo', 'benchCostS3', 'benchCostSes'];
  private restoreWrites: (() => void) | undefined;

  attach(): void {
    dynamo().middlewareStack.add(
      (next, context) => async (args) => {
        const command = (context.commandName ?? '').replace(/Command$/, '');
        if (!ITEM_CALLS.test(command)) return next(args);
        (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'INDEXES';
        const result = await next(args);
        this.usage.dynamoCalls += 1;
        const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
        if (consumed === undefined) this.unreported += 1;
        for (const c of consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]) {
          const { read, write } = unitsOf(command, c);
          this.usage.readUnits += read;
          this.usage.writeUnits += write;
        }
        return result;
      },
      { step: 'initialize', name: this.names[0], override: true },
    );
    s3().middlewareStack.add(
      (next, context) => async (args) => {
        const command = (context.commandName ?? '').replace(/Command$/, '');
        if (S3_PUT_CLASS.test(command)) this.usage.s3PutRequests += 1;
        else this.usage.s3GetRequests += 1;
        return next(args);
      },
      { step: 'initialize', name: this.names[1], override: true },
    );
    ses().middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const input = args.input as {
          Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] };
        };
        const d = input.Destination ?? {};
        this.usage.emails += Math.max(
          1,
          (d.ToAddresses?.length ?? 0) + (d.CcAddresses?.length ?? 0) + (d.BccAddresses?.length ?? 0),
        );
        return result;
      },
      { step: 'initialize', name: this.names[2], override: true },
    );
    // The functions' log lines (Powertools writes to stdout and stderr) are what CloudWatch Logs ingests.
    const out = process.stdout.write.bind(process.stdout);
    const err = process.stderr.write.bind(process.stderr);
    const counting =
      (original: typeof out) =>
      (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
        if (!this.quiet) return (original as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
        this.usage.logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        return true;
      };
    process.stdout.write = counting(out) as typeof process.stdout.write;
    process.stderr.write = counting(err) as typeof process.stderr.write;
    this.restoreWrites = () => {
      process.stdout.write = out;
      process.stderr.write = err;
    };
    this.say = (m) => err(`${m}\n`);
  }

  /** Writes to the terminal past the log counting. */
  say: (message: string) => void = (m) => console.error(m);
  /** While true, what the process writes is counted as function logs and not shown. */
  quiet = true;

  detach(): void {
    dynamo().middlewareStack.remove(this.names[0]!);
    s3().middlewareStack.remove(this.names[1]!);
    ses().middlewareStack.remove(this.names[2]!);
    this.restoreWrites?.();
  }

  /** The usage since the last take, and a fresh count from here. */
  take(): Usage {
    const taken = this.usage;
    this.usage = { ...EMPTY_USAGE };
    return taken;
  }

  /** A handler that counts its invocations, billed duration at `memoryMb`, and its API Gateway call. */
  timed<E, R>(
    handler: (event: E, context: unknown) => Promise<R>,
    memoryMb: number,
    viaApi: boolean,
  ): (event: E) => Promise<R> {
    const context = { awsRequestId: 'bench-cost', functionName: 'bench-cost', getRemainingTimeInMillis: () => 29_000 };
    return async (event) => {
      const started = performance.now();
      try {
        return await handler(event, context);
      } finally {
        this.usage.invocations += 1;
        this.usage.gbSeconds += billedGbSeconds(performance.now() - started, memoryMb);
        this.usage.logBytes += PLATFORM_LOG_BYTES_PER_INVOCATION;
        if (viaApi) this.usage.apiRequests += 1;
      }
    };
  }
}
