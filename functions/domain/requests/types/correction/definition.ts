// Correction, addition or deletion of the content of retained personal data (APPI Art. 34, policy
// §8(1)): the person names the data and the change. The operator investigates, records what was
// checked and found, and names the changes to the registry; they commit in the decision's
// transaction, each only if its record is still live, and the result e-mail says what changed. What a
// deletion or a correction removed is suppressed, so the next sync cannot register the untrue content
// again (personal-data/suppression.ts); an addition is held against the entries as registration is.

import * as z from 'zod';
import type { DeskContact } from '../../../company';
import { identitiesOf } from '../../../fulfilment/fan-out';
import { type Holdings, lookupKeyOf, type StoredPersonalDataRecord } from '../../../holdings';
import { DeskProblem } from '../../../kernel/problems';
import { categoryById, isSpecialCare } from '../../../personal-data/categories';
import { prepareRecords, refuseSuppressed } from '../../../personal-data/register-personal-data';
import { type CorrectionRemoval, correctionSuppressions } from '../../../personal-data/suppression';
import { categoriesOf, readHoldingsForRequest } from '../../held-for-request';
import { signature } from '../../notifications';
import type { DeskWrite } from '../../ports';
import type { Language } from '../../request';
import type { DecisionInput, FulfilmentContext, RequestTypeDefinition } from '../../request-type';
import { appliedCorrection, type CorrectionChange, correctionSchema } from './schema';
import { CORRECTION_CHANGE_LABELS, CORRECTION_REFUSAL_GROUND_LABELS, type CorrectionRefusalGround } from './words';

/** What the e-mail reports of one applied change. */
interface Changed {
  category: string;
  action: CorrectionChange['action'];
  value?: string;
}

export const correction: RequestTypeDefinition = {
  ...correctionSchema,
  writes: [
    'personal-data-addition',
    'personal-data-correction',
    'personal-data-deletion',
    'suppression',
    'fulfilment-task',
  ],

  checkDecision(decision: DecisionInput) {
    const changes = (decision.details?.changes ?? []) as CorrectionChange[];
    const seen = new Map<string, number>();
    for (const [index, c] of changes.entries()) {
      if (c.action === 'add') continue;
      const key = JSON.stringify([c.subjectId, c.recordId]);
      const first = seen.get(key);
      if (first !== undefined) {
        return `details.changes[${index}] changes record ${c.recordId} again (details.changes[${first}] already does); name each record once.`;
      }
      seen.set(key, index);
    }
    return undefined;
  },

  async fulfil(context) {
    const { request, decision, actor, now } = context;
    const details = appliedCorrection.parse(decision.details);
    const held = await readHoldingsForRequest(context, categoriesOf);
    const at = now.toISOString();
    const faults: string[] = [];
    const writes: DeskWrite[] = [];
    const changed: Changed[] = [];
    const removals = new Map<string, CorrectionRemoval>();
    const removal = (subjectId: string) => {
      const found = removals.get(subjectId) ?? { subjectId, deleted: [], replaced: [] };
      removals.set(subjectId, found);
      return found;
    };

    for (const [index, c] of details.changes.entries()) {
      const field = `details.changes[${index}]`;
      if (c.action === 'add') {
        const added = await addition(context, held, c, field);
        faults.push(...added.faults);
        writes.push(...added.records.map((record): DeskWrite => ({ kind: 'personal-data-addition', record })));
        changed.push({ category: c.category, action: 'add', value: c.value });
        continue;
      }
      const record = held.records.find((r) => r.subjectId === c.subjectId && r.recordId === c.recordId);
      if (!record) {
        faults.push(
          `${field}: record ${c.recordId} of subject ${c.subjectId} is not held about this person, or is no longer kept`,
        );
      } else if (c.action === 'correct') {
        if (record.category === 'email' && !z.email().safeParse(c.value).success) {
          faults.push(`${field}.value: record ${c.recordId} is an e-mail address, and the corrected value is not one`);
        }
        writes.push({
          kind: 'personal-data-correction',
          subjectId: c.subjectId,
          recordId: c.recordId,
          value: c.value,
          lookupKey: lookupKeyOf({ subjectId: c.subjectId, category: record.category, value: c.value }),
          requestId: request.requestId,
          at,
        });
        changed.push({ category: record.category, action: 'correct', value: c.value });
        if (record.value !== c.value) removal(c.subjectId).replaced.push(record);
      } else {
        writes.push({ kind: 'personal-data-deletion', subjectId: c.subjectId, recordId: c.recordId, at });
        removal(c.subjectId).deleted.push(record);
        changed.push({ category: record.category, action: 'delete' });
      }
    }
    if (faults.length > 0) {
      throw new DeskProblem(
        'unprocessable',
        'Changes cannot be made',
        `${faults.join('; ')}. Nothing was written: correct the decision's changes and decide again.`,
      );
    }
    const suppressions = await correctionSuppressions(
      context.identifierMac,
      [...removals.values()],
      request.requestId,
      at,
    );
    writes.push(...suppressions.map((suppression): DeskWrite => ({ kind: 'suppression', suppression })));

    await context.accessLog.append({
      actor: actor.staffId,
      role: actor.role,
      action: 'write',
      subjects: [...new Set(details.changes.map((c) => c.subjectId))].sort(),
      fields: [...new Set(changed.map((c) => c.category))].sort(),
      reason: `correction ${request.requestId}`,
      sourceIp: actor.sourceIp,
      at,
    });
    // The holders of the changed categories change them too; a deleted record is erased there.
    const corrections = changed.flatMap((c) =>
      c.action === 'delete' ? [] : [{ category: c.category, action: c.action, value: c.value ?? '' }],
    );
    const deleted = [...new Set(changed.filter((c) => c.action === 'delete').map((c) => c.category))].sort();
    const base = { subjectIds: held.subjectIds, identities: identitiesOf(held) };
    return {
      writes,
      message: resultMessage(
        request.requestId,
        request.language,
        details.investigation,
        changed,
        decision,
        context.desk,
      ),
      reach: [
        ...(corrections.length > 0
          ? [
              {
                ...base,
                instruction: 'correction' as const,
                categories: [...new Set(corrections.map((c) => c.category))].sort(),
                corrections,
              },
            ]
          : []),
        ...(deleted.length > 0
          ? [{ ...base, instruction: 'erasure' as const, categories: deleted, onlyCategories: true }]
          : []),
      ],
    };
  },
};

/**
 * The record an addition registers, as registration would (ids, index key, expiry from the purpose
 * registry), under a subject of this person; the data comes from the person themselves.
 */
async function addition(
  context: FulfilmentContext,
  held: Holdings,
  c: Extract<CorrectionChange, { action: 'add' }>,
  field: string,
): Promise<{ faults: string[]; records: StoredPersonalDataRecord[] }> {
  if (!held.subjectIds.includes(c.subjectId)) {
    return { faults: [`${field}.subjectId: ${c.subjectId} is not a subject this person is held under`], records: [] };
  }
  if (isSpecialCare(c.category)) {
    return {
      faults: [
        `${field}.category: "${c.category}" is special care-required information (APPI Art. 2(3)); register it with its consent or Art. 20(2) exception through the registry, not as a correction`,
      ],
      records: [],
    };
  }
  const { request, actor, now } = context;
  const deps = {
    purposes: context.purposes,
    lifecycles: context.lifecycles,
    secrets: context.secrets,
    consents: { consentsOf: async (subjectId: string) => held.consents.filter((e) => e.subjectId === subjectId) },
  };
  const prepared = await prepareRecords(
    deps,
    c.subjectId,
    [
      {
        category: c.category,
        value: c.value,
        source: 'from-customer',
        sourceDetail: `Correction request ${request.requestId}`,
        purposes: c.purposes,
        acquiredAt: now.toISOString(),
      },
    ],
    `staff:${actor.staffId}`,
    now,
    () => field,
  );
  // What an earlier request of the person stopped is not added back on request either.
  if (prepared.faults.length === 0) {
    await refuseSuppressed(context, prepared.records, [0], now, () => field);
  }
  return prepared;
}

function resultMessage(
  requestId: string,
  lang: Language,
  found: string,
  changed: Changed[],
  decision: DecisionInput,
  desk: DeskContact,
) {
  const lines = changed.map((c) => `- ${changeLine(c, lang)}`).join('\n');
  const partial = decision.outcome === 'partially-fulfilled';
  const grounds = (decision.grounds ?? [])
    .map((g) => `- ${CORRECTION_REFUSAL_GROUND_LABELS[g as CorrectionRefusalGround][lang]}`)
    .join('\n');
  if (lang === 'en') {
    return {
      subject: partial
        ? 'Our answer to your correction, addition or deletion request'
        : 'We have corrected your personal data',
      text:
        `We have investigated your correction, addition or deletion request (${requestId}) and changed the personal data we hold about you as follows (APPI Art. 34(3)).\n\n${lines}\n\nWhat we checked and found:\n${found}` +
        (partial
          ? `\n\nWe did not comply with the rest of your request.\nGrounds under the Act on the Protection of Personal Information:\n${grounds}\n\nReason (APPI Art. 36):\n${decision.reason}\n\nIf you wish to complain about this decision, reply to the desk below.`
          : '') +
        signature('en', desk),
    };
  }
  return {
    subject: partial ? '保有個人データの内容の訂正等のご請求へのご回答' : '保有個人データの内容の訂正等を行いました',
    text:
      `保有個人データの内容の訂正等のご請求（受付番号 ${requestId}）について調査を行い、当社が保有するお客様の個人データを次のとおり訂正等いたしました（個人情報の保護に関する法律第34条第3項）。\n\n${lines}\n\n調査の内容と結果:\n${found}` +
      (partial
        ? `\n\nその他の点については、ご請求に応じないことといたしました。\n個人情報の保護に関する法律上の根拠:\n${grounds}\n\n理由（同法第36条）:\n${decision.reason}\n\nこの決定に関する苦情は、下記の窓口までお申し出ください。`
        : '') +
      signature('ja', desk),
  };
}

/**
 * One change as the e-mail states it: the category, what was done, and the new content, which the
 * requester (the person, or a representative whose authority was verified) asked for. Special
 * care-required content is not put in an e-mail; the desk tells it on request.
 */
function changeLine(c: Changed, lang: Language): string {
  const name = categoryById(c.category)?.[lang] ?? c.category;
  const action = CORRECTION_CHANGE_LABELS[c.action][lang];
  if (c.value === undefined) return `${name}: ${action}`;
  if (isSpecialCare(c.category)) {
    return lang === 'en'
      ? `${name}: ${action} (the content is not repeated by e-mail; ask the desk below)`
      : `${name}: ${action}（内容はメールには記載しておりません。下記の窓口にお問い合わせください）`;
  }
  if (lang === 'en')
    return c.action === 'correct' ? `${name}: corrected to read "${c.value}"` : `${name}: added, reading "${c.value}"`;
  return `${name}: ${action}（${c.action === 'correct' ? '訂正後の内容' : '追加した内容'}: ${c.value}）`;
}
