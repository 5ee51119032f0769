// Disclosure (APPI Art. 33, policy §7): the person receives everything held about them, by the method
// they chose (Art. 33(1), Enforcement Rules Art. 30): a link to the electronic record, or a paper copy
// the desk posts. On request the dossier also covers the third-party provision records (Art. 33(5)).
// A partial decision withholds categories on Art. 33(2) grounds and says so with the reason (Art. 33(3), 36).

import type { DeskContact } from '../../../company';
import { identitiesOf } from '../../../fulfilment/fan-out';
import { incidentsInvolving } from '../../../incidents/involving';
import { DISCLOSURE_LINK_LIFETIME_SECONDS } from '../../../kernel/law';
import { DeskProblem } from '../../../kernel/problems';
import { hashSecret } from '../../../kernel/secrets';
import { MY_NUMBER_DOCUMENTS_FIELD } from '../../../my-number/ports';
import { categoryById } from '../../../personal-data/categories';
import { registryOf } from '../../../purposes/registry';
import { categoriesOf, readHoldingsForRequest } from '../../held-for-request';
import { formatJapanTime, type MessageText, signature } from '../../notifications';
import { type DeskRequest, epochSeconds, type Language } from '../../request';
import type { RequestTypeDefinition } from '../../request-type';
import { compileDossier, type StoredDisclosure, storedDossierExpiresAt, type Withholding } from './disclosure-dossier';
import {
  coveredBy,
  DISCLOSURE_GROUND_LABELS,
  type DisclosureDetails,
  disclosureDetails,
  disclosureSchema,
} from './schema';

export const disclosure: RequestTypeDefinition = {
  ...disclosureSchema,
  writes: ['disclosure', 'fulfilment-task'],

  async fulfil(context) {
    const { request, decision, now, publicBaseUrl, purposes, secrets } = context;
    const details = disclosureDetails.parse(request.details ?? {});
    const covers = coveredBy(details);
    const personalData = covers.includes('personal-data');
    const withheldIds = [...new Set((decision.details?.withheld as string[] | undefined) ?? [])];
    // The My Number documents (not their numbers) are read after the entry naming them is logged.
    const myNumbers = personalData ? context.myNumberDocuments : undefined;
    const held = await readHoldingsForRequest(context, (h) => [
      ...(personalData
        ? categoriesOf(h)
            .filter((c) => !withheldIds.includes(c))
            .concat(['consents'], myNumbers ? [MY_NUMBER_DOCUMENTS_FIELD] : [])
        : []),
      ...(covers.includes('provision-records') ? ['provision-records'] : []),
    ]);
    const disclosable = personalData ? categoriesOf(held) : [];
    const notHeld = withheldIds.filter((c) => !disclosable.includes(c));
    if (notHeld.length > 0) {
      throw new DeskProblem(
        'unprocessable',
        'Withheld category not held',
        `details.withheld: ${notHeld.join(', ')} is not among the categories this disclosure covers (${disclosable.join(', ') || 'none'}). Withhold only what would otherwise be disclosed.`,
      );
    }
    const withheld: Withholding | undefined =
      withheldIds.length > 0
        ? {
            categories: withheldIds,
            grounds: decision.grounds!.map((id) => ({
              id,
              label: DISCLOSURE_GROUND_LABELS[id as keyof typeof DISCLOSURE_GROUND_LABELS],
            })),
            reason: decision.reason!,
          }
        : undefined;

    const token = secrets.token();
    // The person knows a recipient by its registered name, not the desk's id for it.
    const recipientIds = [...new Set(held.consents.flatMap((c) => (c.recipient ? [c.recipient] : [])))];
    const recipientNames = Object.fromEntries(
      (await Promise.all(recipientIds.map((id) => context.recipients.get(id)))).flatMap((r) =>
        r ? [[r.recipientId, r.name]] : [],
      ),
    );
    // The incidents that involved the person's data (APPI Art. 26): a registered one, not an operator's draft.
    const incidents =
      personalData && context.incidents
        ? await incidentsInvolving(context.incidents, held.subjectIds, { withDrafts: false })
        : [];
    const myNumberDocuments = myNumbers
      ? (await Promise.all(held.subjectIds.map((id) => myNumbers.heldDocumentsOf(id, now)))).flat()
      : [];
    const dossier = compileDossier(request, held, registryOf(await purposes.versions()), now, {
      covers,
      ...(withheld ? { withheld } : {}),
      recipientNames,
      incidents,
      myNumberDocuments,
    });
    const expiresAt = storedDossierExpiresAt(dossier, epochSeconds(now) + DISCLOSURE_LINK_LIFETIME_SECONDS);
    const stored: StoredDisclosure = {
      tokenHash: hashSecret(token),
      requestId: request.requestId,
      subjectIds: held.subjectIds,
      dossier,
      createdAt: now.toISOString(),
      expiresAt,
    };
    const method = details.method ?? 'electronic';
    const delivery =
      method === 'paper'
        ? paperText(request.language, details.postalAddress!)
        : electronicText(
            request.language,
            `${publicBaseUrl}/v1/disclosures/${token}`,
            formatJapanTime(new Date(expiresAt * 1000).toISOString(), request.language),
            details.format,
          );
    return {
      writes: [{ kind: 'disclosure', disclosure: stored }],
      message: resultMessage(request, delivery, withheld, context.desk),
      delivery: { method, dossierTokenHash: stored.tokenHash },
      // What the other holders hold of the disclosed categories is asked for too (OpenDSR access).
      ...(personalData
        ? {
            reach: [
              {
                instruction: 'disclosure' as const,
                subjectIds: held.subjectIds,
                categories: disclosable.filter((c) => !withheldIds.includes(c)),
                identities: identitiesOf(held),
              },
            ],
          }
        : {}),
    };
  },
};

function electronicText(language: Language, link: string, until: string, format: DisclosureDetails['format']): string {
  if (language === 'en') {
    const chosen = format
      ? `\n\nYou asked for ${format.toUpperCase()}: the page offers the data as a ${format.toUpperCase()} file.`
      : '';
    return `Open it here (a page in your browser, from which the data can also be saved as JSON or CSV):\n${link}${chosen}\n\nThe link works until ${until}; after that the copy is erased.`;
  }
  const chosen = format
    ? `\n\nご指定の形式は${format.toUpperCase()}です。表示されるページから${format.toUpperCase()}形式のファイルとして保存できます。`
    : '';
  return `次のリンクからご確認ください（ブラウザで表示されます。JSON形式・CSV形式のファイルとしても保存できます）:\n${link}${chosen}\n\nリンクの有効期限は${until}です。期限後、写しは消去されます。`;
}

function paperText(language: Language, address: string): string {
  return language === 'en'
    ? `As you asked, we will post a paper copy to the address you gave:\n${address}\n\nWe will e-mail you again when it is posted.`
    : `ご指定のとおり、書面の写しを次のご住所へ郵送いたします。\n${address}\n\n発送しましたら、改めてメールでお知らせいたします。`;
}

function withheldText(language: Language, withheld: Withholding): string {
  const categories = withheld.categories.map((id) => `- ${categoryById(id)?.[language] ?? id}`).join('\n');
  const grounds = withheld.grounds.map((g) => `- ${g.label[language]}`).join('\n');
  return language === 'en'
    ? `We have not disclosed the following items (APPI Art. 33(3)):\n${categories}\n\nGrounds under the Act on the Protection of Personal Information:\n${grounds}\n\nReason (APPI Art. 36):\n${withheld.reason}\n\nIf you wish to complain about this decision, reply to the desk below.`
    : `次の項目は開示しておりません（個人情報の保護に関する法律第33条第3項）。\n${categories}\n\n同法上の根拠:\n${grounds}\n\n理由（同法第36条）:\n${withheld.reason}\n\nこの決定に関する苦情は、下記の窓口までお申し出ください。`;
}

function resultMessage(
  request: DeskRequest,
  delivery: string,
  withheld: Withholding | undefined,
  desk: DeskContact,
): MessageText {
  const language = request.language;
  const partial = withheld ? `\n\n${withheldText(language, withheld)}` : '';
  return language === 'en'
    ? {
        subject: withheld
          ? 'Your personal data disclosure is ready, in part'
          : 'Your personal data disclosure is ready',
        text: `We have compiled ${withheld ? 'what we can disclose of what' : 'everything'} we hold about you for your disclosure request (${request.requestId}).\n\n${delivery}${partial}${signature('en', desk)}`,
      }
    : {
        subject: withheld
          ? '保有個人データの開示（一部）のご用意ができました'
          : '保有個人データの開示のご用意ができました',
        text: `開示のご請求（受付番号 ${request.requestId}）について、当社が保有するお客様の個人データを${withheld ? '、開示できる範囲で' : ''}まとめました。\n\n${delivery}${partial}${signature('ja', desk)}`,
      };
}
