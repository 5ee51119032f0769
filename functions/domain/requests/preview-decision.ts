// POST /v1/staff/requests/{requestId}/decision-preview: what a decision would send and, for a
// disclosure, what the dossier would hold, before the operator confirms it. The same checks and the
// same fulfilment as deciding (decide-request.ts) run, and nothing is written: the writes are only
// read, the e-mail is returned instead of queued. Reading the person's data to show it is a read of
// personal data, so it is access-logged once (policy §6; APPI Art. 23).

import type { AccessLogWriter } from '../access-log/ports';
import type { Company } from '../company';
import type { HolderReader } from '../holders/holder';
import type { Holdings, HoldingsReader } from '../holdings';
import type { IncidentReader } from '../incidents/ports';
import type { Clock, IdentifierMac, SecretSource } from '../kernel/ports';
import { categoryById, isSpecialCare } from '../personal-data/categories';
import type { SubjectLifecycleReader, SuppressionReader } from '../personal-data/ports';
import { acquisitionSource } from '../personal-data/sources';
import type { RecipientRegistry } from '../provisions/ports';
import type { PurposeVersionReader } from '../purposes/ports';
import type { StaffActor } from '../staff';
import { decidableRequest, decisionEffects } from './decide-request';
import { categoriesOf } from './held-for-request';
import type { RequestReader } from './ports';
import { answerAddress, type Label } from './request';
import type { DecisionInput } from './request-type';
import type { Dossier } from './types/disclosure/disclosure-dossier';

export interface PreviewDecisionDeps {
  /** The company that deploys the desk (functions/domain/company.ts): its desk signs the e-mails. */
  company: Company;
  requests: RequestReader;
  holdings: HoldingsReader;
  purposes: PurposeVersionReader;
  accessLog: AccessLogWriter;
  secrets: SecretSource;
  lifecycles: SubjectLifecycleReader;
  recipients: Pick<RecipientRegistry, 'get'>;
  identifierMac: IdentifierMac;
  suppressions: SuppressionReader;
  /** The holder registry, so the preview shows the tasks the decision would create. */
  holders?: Pick<HolderReader, 'list'>;
  /** The incident register: a disclosure's preview shows the incidents its dossier would state, and a cessation on the ground reportable-leak may name one. */
  incidents?: Pick<IncidentReader, 'get' | 'incidentsOf'>;
  clock: Clock;
}

/**
 * Stands in the previewed e-mail for a link made only when the decision is sent (a dossier's link
 * carries a token that exists only once the dossier is stored).
 */
export const LINK_PLACEHOLDER = '[link]';
/** The base URL and token the fulfilment builds its link from in a preview, so the link can be found and replaced. */
const PREVIEW_BASE = 'https://preview.invalid';
const PREVIEW_TOKEN = 'preview-token';

export interface PreviewedRecord {
  category: string;
  categoryLabel: Label;
  value: string;
  source: Label;
  acquiredAt: string;
  specialCare: boolean;
}

export interface DossierPreview {
  covers: string[];
  /** Records per category, in the dossier's order. */
  categories: Array<{ category: string; label: Label; count: number }>;
  records: PreviewedRecord[];
  consents: number;
  provisionRecords: number;
  withheld: Array<{ category: string; label: Label }>;
}

const categoryLabel = (id: string): Label => {
  const c = categoryById(id);
  return c ? { ja: c.ja, en: c.en } : { ja: id, en: id };
};

export async function previewDecision(
  deps: PreviewDecisionDeps,
  actor: StaffActor,
  requestId: string,
  input: DecisionInput,
) {
  const now = deps.clock.now();
  const decidable = await decidableRequest(deps.requests, requestId, input, now);
  const { request, decision } = decidable;
  // A refusal reads nothing of the person's data; anything else reads it once, here, and the
  // fulfilment reads this copy, so the preview leaves one entry and no write entry for what it did not write.
  const held: Holdings | undefined =
    decision.outcome === 'refused' ? undefined : await deps.holdings.holdingsOf(request.subject.email, now);
  await deps.accessLog.append({
    actor: actor.staffId,
    role: actor.role,
    action: 'read',
    subjects: [`request:${request.requestId}`, ...(held?.subjectIds ?? [])],
    fields: [
      'answer-address',
      ...(held ? categoriesOf(held) : []),
      ...(held?.consents.length ? ['consents'] : []),
      ...(held?.provisionRecords.length ? ['provision-records'] : []),
    ],
    reason: `${request.type} ${request.requestId}`,
    sourceIp: actor.sourceIp,
    at: now.toISOString(),
  });
  const empty: Holdings = { subjectIds: [], records: [], consents: [], provisionRecords: [] };
  const { writes, content, tasks } = await decisionEffects(
    {
      holdings: { holdingsOf: async () => held ?? empty },
      purposes: deps.purposes,
      company: deps.company,
      // The fulfilment's own reads are in the entry above; a read of the incident register a cessation
      // cites is logged as it is, under the incident's id, so its timeline shows the preview too.
      accessLog: { append: async (entry) => (entry.incidentId ? deps.accessLog.append(entry) : undefined) },
      secrets: { ...deps.secrets, token: () => PREVIEW_TOKEN },
      lifecycles: deps.lifecycles,
      recipients: deps.recipients,
      identifierMac: deps.identifierMac,
      suppressions: deps.suppressions,
      ...(deps.holders ? { holders: deps.holders } : {}),
      ...(deps.incidents ? { incidents: deps.incidents } : {}),
    },
    decidable,
    actor,
    now,
    PREVIEW_BASE,
  );
  const link = new RegExp(`${PREVIEW_BASE.replace(/[.]/g, '\\.')}\\S*?${PREVIEW_TOKEN}`, 'g');
  const text = content.text.replace(link, LINK_PLACEHOLDER);
  const stored = writes.find((w) => w.kind === 'disclosure');
  return {
    requestId,
    outcome: decision.outcome,
    message: { to: answerAddress(request), language: request.language, subject: content.subject, text },
    ...(text.includes(LINK_PLACEHOLDER) ? { linkPlaceholder: LINK_PLACEHOLDER } : {}),
    ...(stored?.kind === 'disclosure' ? { dossier: dossierPreview(stored.disclosure.dossier) } : {}),
    tasks: tasks.map((t) => ({
      holderId: t.holderId,
      holderName: t.holderName ?? t.holderId,
      instruction: t.instruction,
      categories: t.categories,
      taskState: t.taskState,
    })),
  };
}

function dossierPreview(dossier: Dossier): DossierPreview {
  const records = (dossier.records ?? []).map(
    (r): PreviewedRecord => ({
      category: r.category,
      categoryLabel: categoryLabel(r.category),
      value: r.value,
      source: (({ ja, en }) => ({ ja, en }))(
        acquisitionSource(r.source.kind) ?? { ja: r.source.kind, en: r.source.kind },
      ),
      acquiredAt: r.acquiredAt,
      specialCare: isSpecialCare(r.category),
    }),
  );
  const counts = new Map<string, number>();
  for (const r of records) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
  return {
    covers: [...dossier.covers],
    categories: [...counts].map(([category, count]) => ({ category, label: categoryLabel(category), count })),
    records,
    consents: dossier.consents?.length ?? 0,
    provisionRecords: dossier.provisionRecords?.length ?? 0,
    withheld: (dossier.withheld?.categories ?? []).map((c) => ({ category: c.id, label: categoryLabel(c.id) })),
  };
}
