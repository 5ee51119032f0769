// An in-memory my-number table for the domain tests: like the adapter, it replaces an item of the
// same key and never serves one past its expiresAt.
import type { MyNumberReader, MyNumberWriter, StoredMyNumber } from '../../../functions/domain/my-number/ports';
import type { SystemActor } from '../../../functions/domain/systems';

export class ArrayMyNumbers implements MyNumberReader, MyNumberWriter {
  constructor(readonly items: StoredMyNumber[] = []) {}
  async put(item: StoredMyNumber): Promise<void> {
    const index = this.items.findIndex((i) => i.subjectId === item.subjectId && i.documentId === item.documentId);
    if (index >= 0) this.items.splice(index, 1, structuredClone(item));
    else this.items.push(structuredClone(item));
  }
  async liveDocumentsOf(subjectId: string, now: Date): Promise<StoredMyNumber[]> {
    return this.items
      .filter((i) => i.subjectId === subjectId && i.expiresAt > Math.floor(now.getTime() / 1000))
      .sort((a, b) => (a.documentId < b.documentId ? -1 : 1))
      .map((i) => structuredClone(i));
  }
}

export const PAYROLL: SystemActor = {
  principal: 'arn:aws:iam::000000000000:role/appi-desk-payroll',
  sourceIp: '10.0.0.5',
};

/** Valid Individual Numbers (see documents.test.ts for the check digit). */
export const NUMBER = '123456789018';
export const OTHER_NUMBER = '987654321093';
