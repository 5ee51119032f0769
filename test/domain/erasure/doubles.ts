// In-memory doubles of the erasure ports: a partition of records per subject, stored dossiers and
// lifecycles, and the evidence table with its conditional put.
import type { ErasureCertificate } from '../../../functions/domain/erasure/certificate';
import type {
  DependentItems,
  ErasureEvidence,
  RemovedItems,
  SubjectRecords,
} from '../../../functions/domain/erasure/ports';

export interface HeldRecord {
  subjectId: string;
  recordId: string;
  category: string;
  value: string;
}

export class ArrayRecords implements RemovedItems, SubjectRecords {
  /** Runs after each eraseAll: a record written meanwhile, say. */
  afterErase: (() => void) | undefined;
  /** Keys eraseAll leaves behind, as a deletion that keeps failing would. */
  readonly undeletable = new Set<string>();
  constructor(readonly items: HeldRecord[] = []) {}
  async remains(subjectId: string, itemId: string) {
    return this.items.some((r) => r.subjectId === subjectId && r.recordId === itemId);
  }
  async anyRemain(subjectId: string) {
    return this.items.some((r) => r.subjectId === subjectId);
  }
  async count(subjectId: string) {
    return this.items.filter((r) => r.subjectId === subjectId).length;
  }
  async eraseAll(subjectId: string) {
    const erased = this.items.filter((r) => r.subjectId === subjectId && !this.undeletable.has(r.recordId));
    this.items.splice(0, this.items.length, ...this.items.filter((r) => !erased.includes(r)));
    this.afterErase?.();
    return { erased: erased.length, categories: [...new Set(erased.map((r) => r.category))] };
  }
}

export class ArrayDependents implements DependentItems {
  constructor(
    /** Dossiers by token, each naming the subjects it copies. */
    readonly dossiers: Map<string, string[]> = new Map(),
    readonly lifecycles: Set<string> = new Set(),
  ) {}
  async eraseDossiersOf(subjectId: string) {
    const tokens = [...this.dossiers].filter(([, subjects]) => subjects.includes(subjectId)).map(([token]) => token);
    tokens.forEach((t) => this.dossiers.delete(t));
    return tokens.length;
  }
  async eraseLifecycleOf(subjectId: string) {
    return this.lifecycles.delete(subjectId) ? 1 : 0;
  }
}

export class MapEvidence implements ErasureEvidence {
  readonly certificates = new Map<string, ErasureCertificate>();
  async record(certificate: ErasureCertificate) {
    if (this.certificates.has(certificate.evidenceId)) return false;
    this.certificates.set(certificate.evidenceId, structuredClone(certificate));
    return true;
  }
}
