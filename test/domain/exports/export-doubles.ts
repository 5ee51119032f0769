// In-memory doubles of the export ports (functions/domain/exports/ports.ts), with the conditions
// the exports table enforces, so the use cases' races and rules are tested without an emulator.
import type { ExportedRecord, ExportHoldingsReader, ExportStore } from '../../../functions/domain/exports/ports';
import type { ExportRequest } from '../../../functions/domain/exports/rules';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';

const clone = <T>(value: T): T => structuredClone(value);
const live = (item: { expiresAt?: number }, now: Date) =>
  item.expiresAt === undefined || item.expiresAt > Math.floor(now.getTime() / 1000);

export class MemoryExports implements ExportStore {
  readonly items = new Map<string, ExportRequest>();
  readonly messages: OutboxMessage[] = [];
  async get(exportId: string, now: Date) {
    const found = this.items.get(exportId);
    return found && live(found, now) ? clone(found) : undefined;
  }
  async listByStatus(status: ExportRequest['status'], now: Date) {
    return [...this.items.values()].filter((r) => r.status === status && live(r, now)).map(clone);
  }
  async create(request: ExportRequest, message: OutboxMessage) {
    if (this.items.has(request.exportId)) throw new StaleWriteError();
    this.items.set(request.exportId, clone(request));
    this.messages.push(clone(message));
  }
  async decide(next: ExportRequest, expectedVersion: number, message: OutboxMessage) {
    const current = this.items.get(next.exportId);
    if (current?.version !== expectedVersion || current.status !== 'requested') throw new StaleWriteError();
    this.items.set(next.exportId, clone(next));
    this.messages.push(clone(message));
  }
  async markDownloaded(next: ExportRequest, expectedVersion: number) {
    const current = this.items.get(next.exportId);
    if (
      current?.version !== expectedVersion ||
      current.status !== 'approved' ||
      current.tokenHash !== next.tokenHash ||
      !(current.linkExpiresAt! > next.downloadedAt!)
    )
      throw new StaleWriteError();
    this.items.set(next.exportId, clone(next));
  }
}

/** Records by subject, returned whatever categories are asked, so the use case's own filter is tested. */
export class CarelessHoldings implements ExportHoldingsReader {
  readonly asked: Array<{ subjectId: string; categories: readonly string[] }> = [];
  constructor(private readonly bySubject: Record<string, ExportedRecord[]>) {}
  async recordsOf(subjectId: string, categories: readonly string[]) {
    this.asked.push({ subjectId, categories: [...categories] });
    return clone(this.bySubject[subjectId] ?? []);
  }
}

export function exportedRecord(category: string, value: string, recordId = `rec-${category}`): ExportedRecord {
  return {
    recordId,
    category,
    value,
    source: 'from-customer',
    purposes: ['service-provision'],
    acquiredAt: '2026-11-01T00:00:00.000Z',
  };
}
