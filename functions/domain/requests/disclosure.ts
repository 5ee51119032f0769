// Disclosure (APPI Art. 33, policy §7): the person receives a link to everything held about them.
import * as z from 'zod';
import { DISCLOSURE_LINK_LIFETIME_SECONDS, type DisclosureRefusalGround } from '../law';
import { registryOf } from '../purposes/registry';
import { hashSecret } from '../secrets';
import { compileDossier, type StoredDisclosure } from './disclosure-dossier';
import { categoriesOf, readHoldingsForRequest } from './held-for-request';
import { formatJapanTime, signature } from './notifications';
import { epochSeconds } from './request';
import type { Label, RequestTypeDefinition } from './request-types';

const GROUND_LABELS: Record<DisclosureRefusalGround, Label> = {
  'harm-to-person-or-third-party': {
    ja: '本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合（第33条第2項第1号）',
    en: 'Disclosure could harm the life, body, property or other rights or interests of you or a third party (Art. 33(2)(i))',
  },
  'hindrance-to-business': {
    ja: '当社の業務の適正な実施に著しい支障を及ぼすおそれがある場合（第33条第2項第2号）',
    en: 'Disclosure could seriously hinder the proper conduct of our business (Art. 33(2)(ii))',
  },
  'violation-of-law': {
    ja: '他の法令に違反することとなる場合（第33条第2項第3号）',
    en: 'Disclosure would violate other laws or regulations (Art. 33(2)(iii))',
  },
};

export const disclosure: RequestTypeDefinition = {
  type: 'disclosure',
  label: { ja: '保有個人データの開示', en: 'disclosure' },
  details: z.strictObject({
    scope: z.string().trim().min(1).max(2000).optional()
      .describe('What you would like disclosed, if not everything held about you.'),
  }),
  outcomes: ['fulfilled', 'refused'],
  refusalGrounds: GROUND_LABELS,

  async fulfil(context) {
    const { request, now, publicBaseUrl, purposes, secrets } = context;
    const held = await readHoldingsForRequest(context, (h) => categoriesOf(h).concat(['consents', 'provision-records']));
    const token = secrets.token();
    const expiresAt = epochSeconds(now) + DISCLOSURE_LINK_LIFETIME_SECONDS;
    const stored: StoredDisclosure = {
      tokenHash: hashSecret(token),
      requestId: request.requestId,
      subjectIds: held.subjectIds,
      dossier: compileDossier(request, held, registryOf(await purposes.versions()), now),
      createdAt: now.toISOString(),
      expiresAt,
    };
    const link = `${publicBaseUrl}/v1/disclosures/${token}`;
    const until = formatJapanTime(new Date(expiresAt * 1000).toISOString(), request.language);
    const message = request.language === 'en'
      ? {
          subject: 'Your personal data disclosure is ready',
          text: `We have compiled everything we hold about you for your disclosure request (${request.requestId}).\n\nOpen it here (a page in your browser; the same link gives JSON or CSV to software that asks for them):\n${link}\n\nThe link works until ${until}; after that the copy is erased.${signature('en')}`,
        }
      : {
          subject: '保有個人データの開示のご用意ができました',
          text: `開示のご請求（受付番号 ${request.requestId}）について、当社が保有するお客様の個人データをまとめました。\n\n次のリンクからご確認ください（ブラウザで表示されます。JSON形式・CSV形式でも取得できます）:\n${link}\n\nリンクの有効期限は${until}です。期限後、写しは消去されます。${signature('ja')}`,
        };
    return { writes: [{ kind: 'disclosure', disclosure: stored }], message };
  },
};
