// A processor in the holder registry with a consignment contract in force, and an in-memory registry.
import { CONSIGNMENT_CLAUSE_IDS, type HolderReview } from '../../../functions/domain/holders/contract';
import type { Holder } from '../../../functions/domain/holders/holder';
import type { HolderRegistry } from '../../../functions/domain/holders/ports';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';

export const PROCESSOR: Holder = {
  holderId: 'mail-house-processor',
  name: 'Mail House K.K.',
  owner: 'Marketing department',
  kind: 'processor',
  categories: ['name', 'address'],
  purposes: ['advertising'],
  endpoint: {
    baseUrl: 'https://opendsr.mail-house.example/v2',
    processorDomain: 'opendsr.mail-house.example',
    apiVersion: '2.0',
    supportedRequestTypes: ['erasure'],
    supportedIdentities: [{ identity_type: 'email', identity_format: 'raw' }],
    certificatePem: '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n',
    certificateFingerprint: 'AA:BB',
    discoveredAt: '2026-01-05T00:00:00.000Z',
  },
  understandsDeskExtension: false,
  contract: {
    reference: 'MH-2026-01',
    signedOn: '2026-01-05',
    inForceFrom: '2026-01-10',
    clauses: CONSIGNMENT_CLAUSE_IDS.map((clause, i) => ({ clause, reference: `Art. ${i + 3}` })),
    approvedSubProcessors: [],
  },
  supervisionEveryMonths: 12,
  version: 1,
  registeredAt: '2026-01-05T00:00:00.000Z',
  registeredBy: 'officer',
};

export class MemoryHolders implements HolderRegistry {
  readonly items = new Map<string, Holder[]>();
  readonly reviewItems: HolderReview[] = [];
  constructor(holders: Holder[] = []) {
    for (const h of holders) this.items.set(h.holderId, [h]);
  }
  async get(holderId: string) {
    return this.items.get(holderId)?.at(-1);
  }
  async list() {
    return (await this.all()).filter((h) => !h.retiredAt);
  }
  async all() {
    return [...this.items.values()].map((v) => v.at(-1)!);
  }
  async version(holderId: string, version: number) {
    return this.items.get(holderId)?.find((h) => h.version === version);
  }
  async versions(holderId: string) {
    return [...(this.items.get(holderId) ?? [])];
  }
  async add(holder: Holder) {
    if (this.items.has(holder.holderId)) return false;
    this.items.set(holder.holderId, [holder]);
    return true;
  }
  async replace(holder: Holder) {
    const versions = this.items.get(holder.holderId);
    if (!versions || versions.at(-1)!.version !== holder.version - 1) throw new StaleWriteError();
    versions.push(holder);
  }
  async reviews(holderId: string) {
    return this.reviewItems.filter((r) => r.holderId === holderId);
  }
  async addReview(review: HolderReview) {
    this.reviewItems.push(review);
    return true;
  }
}
