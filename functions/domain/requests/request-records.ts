// GET /v1/staff/requests/{requestId}/records: the records of personal data an open request concerns,
// everything held under the person's address (the holdings a decision's fulfilment reads), so the
// operator chooses a correction's changes from them instead of typing record ids (APPI Art. 34).
// Reading them is a read of personal data: access-logged once, naming the request (policy §6).
import type { AccessLogWriter } from '../access-log/ports';
import type { HoldingsReader } from '../holdings';
import type { Clock } from '../kernel/ports';
import { DeskProblem } from '../kernel/problems';
import { categoryById, isSpecialCare, PERSONAL_DATA_CATEGORIES } from '../personal-data/categories';
import { acquisitionSource } from '../personal-data/sources';
import type { PurposeVersionReader } from '../purposes/ports';
import { registryOf } from '../purposes/registry';
import type { StaffActor } from '../staff';
import { categoriesOf } from './held-for-request';
import type { RequestReader } from './ports';
import { isOpen, type Label } from './request';
import { getConfirmedRequest } from './request-store';

export interface RequestRecordsDeps {
  requests: RequestReader;
  holdings: HoldingsReader;
  purposes: PurposeVersionReader;
  accessLog: AccessLogWriter;
  clock: Clock;
}

const both = (x: { ja: string; en: string } | undefined, id: string): Label =>
  x ? { ja: x.ja, en: x.en } : { ja: id, en: id };

export async function requestRecords(deps: RequestRecordsDeps, actor: StaffActor, requestId: string) {
  const now = deps.clock.now();
  const request = await getConfirmedRequest(deps.requests, requestId, now);
  if (!isOpen(request)) {
    throw new DeskProblem(
      'conflict',
      'Request closed',
      `This request is already ${request.status}; the person's records are read only to decide an open request.`,
    );
  }
  const held = await deps.holdings.holdingsOf(request.subject.email, now);
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: held.subjectIds,
    fields: categoriesOf(held),
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const registry = registryOf(await deps.purposes.versions());
  return {
    requestId,
    subjectIds: held.subjectIds,
    records: held.records
      .map((r) => ({
        subjectId: r.subjectId,
        recordId: r.recordId,
        category: r.category,
        categoryLabel: both(categoryById(r.category), r.category),
        value: r.value,
        source: both(acquisitionSource(r.source), r.source),
        purposes: r.purposes,
        acquiredAt: r.acquiredAt,
        specialCare: isSpecialCare(r.category),
      }))
      .sort((a, b) => a.category.localeCompare(b.category) || a.acquiredAt.localeCompare(b.acquiredAt)),
    /** What an addition may register: not special care-required information, which needs its consent or exception (APPI Art. 20(2)). */
    categories: PERSONAL_DATA_CATEGORIES.filter((c) => !isSpecialCare(c.id)).map((c) => ({
      id: c.id,
      label: { ja: c.ja, en: c.en },
    })),
    /** The purposes an added record may be kept for: the registry's active ones. */
    purposes: [...registry.values()]
      .filter((p) => p.status === 'active')
      .map((p) => ({ id: p.purposeId, label: { ja: p.ja, en: p.en } }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}
