// A reportable incident (a misdirected e-mail with customers' card data), its linked subjects, and an
// in-memory incident store for the report use cases.
import type { Incident, IncidentSubject } from '../../../functions/domain/incidents/incident';
import type { IncidentStore } from '../../../functions/domain/incidents/ports';
import { StaleWriteError } from '../../../functions/domain/kernel/problems';
import type { OutboxMessage } from '../../../functions/domain/outbox';

export const AWARE_AT = '2026-12-01T01:00:00.000Z';

/** Known at the preliminary report: what happened, the data, the persons; the rest still open. */
export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    incidentId: 'INC-2026-12-01-7KQ2MX',
    version: 2,
    state: 'open',
    kinds: ['leak'],
    awareAt: AWARE_AT,
    awareHow: '顧客からの問合せ',
    occurredAt: '2026-11-30T06:30:00.000Z',
    summary: '顧客一覧を添付した電子メールを取引先以外の宛先に誤送信した。',
    categories: ['name', 'email'],
    dataItems: ['クレジットカード番号及びセキュリティコード'],
    persons: { estimated: 1500, linked: 2 },
    factors: {
      specialCareRequired: false,
      financialLoss: true,
      wrongfulPurpose: false,
      individualNumbers: false,
      publiclyViewable: false,
      advancedEncryption: false,
    },
    cause: '',
    secondaryDamage: '',
    measuresTaken: '',
    publication: '',
    recurrencePrevention: '',
    other: '',
    reportability: {
      reportable: true,
      underMyNumberAct: false,
      findings: [
        { rule: 'rules-7-1-special-care', met: false, because: 'No special care-required information.' },
        {
          rule: 'rules-7-2-financial-loss',
          met: true,
          because: 'Card numbers with security codes (Rules Art. 7(ii)).',
        },
      ],
      assessedAt: AWARE_AT,
    },
    deadlines: {
      preliminaryDueAt: '2026-12-04T14:59:59.999Z',
      finalDueAt: '2026-12-30T14:59:59.999Z',
      finalDays: 30,
    },
    reports: {},
    createdAt: AWARE_AT,
    createdBy: 'operator',
    ...overrides,
  };
}

/** Every item stated: the final report can be made. */
export function completeIncident(overrides: Partial<Incident> = {}): Incident {
  return incident({
    persons: { confirmed: 1480, estimated: 1500, linked: 2 },
    cause: '宛先の選択誤り。送信前の確認手順がなかった。',
    secondaryDamage: '現時点で二次被害は確認されていない。',
    measuresTaken: '誤送信先に削除を依頼し、削除の報告を受けた。',
    publication: '2026年12月3日に当社ウェブサイトで公表した。',
    recurrencePrevention: '外部宛て送信の二重確認を導入した。',
    ...overrides,
  });
}

export const subject = (subjectId: string, notice?: IncidentSubject['notice']): IncidentSubject => ({
  incidentId: 'INC-2026-12-01-7KQ2MX',
  subjectId,
  linkedAt: AWARE_AT,
  linkedBy: 'officer',
  ...(notice ? { notice } : {}),
});

const clone = <T>(v: T): T => structuredClone(v);

/** Incidents with every version, and their subjects; replace is conditional on the version. */
export class MemoryIncidents implements IncidentStore {
  readonly history = new Map<string, Incident[]>();
  readonly links = new Map<string, IncidentSubject[]>();
  replaced = 0;
  /** Runs between the read and the write, to let a second writer in. */
  beforeWrite?: () => Promise<void>;

  constructor(versions: Incident[] = [], subjects: IncidentSubject[] = []) {
    for (const v of versions) this.history.set(v.incidentId, [...(this.history.get(v.incidentId) ?? []), clone(v)]);
    for (const s of subjects) this.links.set(s.incidentId, [...(this.links.get(s.incidentId) ?? []), clone(s)]);
  }
  async get(id: string) {
    const vs = this.history.get(id);
    return vs ? clone(vs[vs.length - 1]!) : undefined;
  }
  async list() {
    return [...this.history.values()].map((vs) => clone(vs[vs.length - 1]!));
  }
  async versions(id: string) {
    return clone(this.history.get(id) ?? []);
  }
  async subjects(id: string) {
    return clone(this.links.get(id) ?? []);
  }
  async incidentsOf(subjectId: string) {
    return [...this.links.values()].flat().filter((s) => s.subjectId === subjectId);
  }
  async add(incident: Incident): Promise<boolean> {
    if (this.history.has(incident.incidentId)) return false;
    this.history.set(incident.incidentId, [clone(incident)]);
    return true;
  }
  async replace(incident: Incident, _link: IncidentSubject[]): Promise<void> {
    await this.beforeWrite?.();
    const vs = this.history.get(incident.incidentId) ?? [];
    if (vs[vs.length - 1]?.version !== incident.version - 1) throw new StaleWriteError();
    vs.push(clone(incident));
    this.replaced += 1;
  }
  async notify(_incident: Incident, _notices: IncidentSubject[], _messages: OutboxMessage[]): Promise<void> {
    throw new Error('not used by the reports');
  }
}
