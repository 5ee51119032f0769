// The privacy notice, rendered from the desk's published notice (APPI Art. 21, 32(1)), in the reader's
// language: every term in words, never the notice's field names (those are for the API reference).
import { useEffect, useState } from 'preact/hooks';
import { BUSINESS_NOTICE_WORDS as B } from '../../functions/domain/safeguards/measures-words';
import { api } from './api';
import type { Language } from './request-form';
import { localised, TYPE_LABELS, t } from './text';

type Label = { ja: string; en: string };
type Labelled = { id?: string; ja?: string; en?: string };
type CitedException = Labelled & { citation: Label };
type Party = { name: string; address: string; representative: string };
type JointUse = { items: Labelled[]; jointUsers: string; purpose: string; responsiblePerson: Party };
type OptOut = {
  provider: { name: Label; address: Label; representative: Label };
  items: Labelled[];
  acquisitionMethod: string;
  provisionMethod: string;
  requestMethod: string;
  updateMethod: string;
  startsOn: string;
  notifiedToCommissionOn: string;
};
type PurposeChange = Label & {
  id: string;
  kind: 'created' | 'changed' | 'retired';
  effectiveFrom: string;
  previous?: Label;
};
type BusinessDetails = {
  name: Label;
  address: Label;
  representative: Label;
  securityOfficer: { name: Label; since: string };
  accreditedOrganisation: { name: Label; complaintsContact: Label } | null;
  noAccreditedOrganisation?: Label;
};
/** APPI Art. 43(3), Enforcement Rules Art. 36: the items of each dataset created, and its date. */
type AnonymisedPublications = {
  policy: Label;
  datasets: { datasetId: string; title: Label; items: Label[]; createdOn: string }[];
};
type Notice = {
  version: string;
  business: Label;
  businessDetails: BusinessDetails;
  securityMeasures: { kind: string; heading: Label; items: Label[] }[];
  purposesOfUse: Labelled[];
  purposeChanges: PurposeChange[];
  acquisitionSources: Labelled[];
  accessInformation: { categories: Labelled[]; linkage: Labelled };
  specialCareInformation: { policy: Labelled; exceptions: CitedException[] };
  useBeyondPurposes: { policy: Labelled; exceptions: CitedException[] };
  myNumber: { policy: Labelled };
  consents: Label & { steps: Label[] };
  thirdPartyProvision: { policy: Label; jointUse: JointUse[]; optOutItems: OptOut[] };
  anonymisedInformationPublications: AnonymisedPublications;
  requests: {
    procedure: Labelled;
    verification: Labelled;
    whoMayRequest: Labelled[];
    representatives: Labelled & { authorityDocuments: Labelled[]; identityDocuments: Labelled[] };
    inPersonNotice: Labelled;
    fees: { type: string; fee: 'none' | { amountYen: number; method: string } }[];
    feePolicy: Labelled;
    answerTimeline: Labelled;
  };
  desk: { name: Label; address: Label; email: string; hoursText: Label };
  apiReference: Label & { href: string };
};

/** The notice's own headings and terms (APPI Art. 27(2), 27(5)(iii) name what each entry must say). */
const N = {
  purposeChanges: { ja: '利用目的の変更', en: 'Changes to the purposes of use' },
  created: { ja: '追加', en: 'Added' },
  changed: { ja: '変更', en: 'Changed' },
  retired: { ja: '廃止', en: 'Retired' },
  before: { ja: '変更前', en: 'Before' },
  consents: { ja: '同意の確認・撤回', en: 'Your consents' },
  jointItems: { ja: '共同して利用する個人データの項目', en: 'Items of personal data used jointly' },
  jointUsers: { ja: '共同して利用する者の範囲', en: 'Who uses them jointly' },
  jointPurpose: { ja: '利用する者の利用目的', en: 'Their purpose of use' },
  responsible: {
    ja: '管理について責任を有する者（名称、住所、代表者）',
    en: 'Who is responsible for managing them (name, address, representative)',
  },
  provider: { ja: '提供を行う事業者（名称、住所）', en: 'The business that provides them (name, address)' },
  optOutPurpose: {
    ja: '第三者への提供を利用目的としています。ご本人の求めに応じて、提供を停止します。',
    en: 'Provision to third parties is a purpose of use, and it stops at the request of the person concerned.',
  },
  optOutItems: { ja: '提供される個人データの項目', en: 'Items of personal data provided' },
  acquisitionMethod: { ja: '取得の方法', en: 'How they are acquired' },
  provisionMethod: { ja: '提供の方法', en: 'How they are provided' },
  requestMethod: { ja: '提供の停止を求める方法', en: 'How to ask for provision to stop' },
  updateMethod: { ja: '更新の方法', en: 'How they are updated' },
  startsOn: { ja: '提供を開始する日', en: 'Provision starts on' },
  notifiedOn: {
    ja: '個人情報保護委員会への届出日',
    en: 'Notified to the Personal Information Protection Commission on',
  },
  authorityDocuments: { ja: '代理権を確認する書類', en: 'Documents showing the authority to act' },
  identityDocuments: { ja: '代理人ご本人を確認する書類', en: "Documents showing the representative's identity" },
  amount: { ja: '金額', en: 'Amount' },
  apiReferenceLink: { ja: 'API リファレンス', en: 'API reference' },
  noAnonymised: {
    ja: '匿名加工情報は、まだ作成していません。',
    en: 'We have not created any anonymously processed information yet.',
  },
  anonymisedCreatedOn: { ja: '作成日', en: 'Created on' },
  anonymisedItems: {
    ja: '含まれる個人に関する情報の項目',
    en: 'Items of information about individuals it contains',
  },
} as const;

const say = (key: keyof typeof N, language: Language) => N[key][language];

/** A Japan date for an instant, as the notice dates its changes. */
const japanDate = (iso: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'long' }).format(
    new Date(iso),
  );

function Labels({ items, language }: { items: Labelled[]; language: Language }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>{localised(item, language)}</li>
      ))}
    </ul>
  );
}

/** Art. 18(3) and 20(2) share the words of items (i)-(iv): each case says which article item it is. */
function Exceptions({ items, language }: { items: CitedException[]; language: Language }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>
          {localised(item, language)}
          {language === 'ja' ? `（${item.citation.ja}）` : ` (${item.citation.en})`}
        </li>
      ))}
    </ul>
  );
}

const list = (items: Labelled[], language: Language) =>
  items.map((i) => localised(i, language)).join(language === 'ja' ? '、' : ', ');

/** APPI Art. 27(5)(iii): what each joint use publishes. Free text is the registry's as typed, so it is marked as data. */
function JointUses({ items, language }: { items: JointUse[]; language: Language }) {
  if (items.length === 0) return <p>{t('none', language)}</p>;
  return (
    <>
      {items.map((item, index) => (
        <dl key={index}>
          <dt>{say('jointItems', language)}</dt>
          <dd>{list(item.items, language)}</dd>
          <dt>{say('jointUsers', language)}</dt>
          <dd translate={false}>{item.jointUsers}</dd>
          <dt>{say('jointPurpose', language)}</dt>
          <dd translate={false}>{item.purpose}</dd>
          <dt>{say('responsible', language)}</dt>
          <dd translate={false}>
            {[item.responsiblePerson.name, item.responsiblePerson.address, item.responsiblePerson.representative].join(
              ' / ',
            )}
          </dd>
        </dl>
      ))}
    </>
  );
}

/** APPI Art. 27(2), Enforcement Rules Art. 11(4): what each opt-out provision makes known. */
function OptOuts({ items, language }: { items: OptOut[]; language: Language }) {
  if (items.length === 0) return <p>{t('none', language)}</p>;
  return (
    <>
      <p>{say('optOutPurpose', language)}</p>
      {items.map((item, index) => (
        <dl key={index}>
          <dt>{say('provider', language)}</dt>
          <dd>
            {localised(item.provider.name, language)} / {localised(item.provider.address, language)}
          </dd>
          <dt>{say('optOutItems', language)}</dt>
          <dd>{list(item.items, language)}</dd>
          <dt>{say('acquisitionMethod', language)}</dt>
          <dd translate={false}>{item.acquisitionMethod}</dd>
          <dt>{say('provisionMethod', language)}</dt>
          <dd translate={false}>{item.provisionMethod}</dd>
          <dt>{say('requestMethod', language)}</dt>
          <dd translate={false}>{item.requestMethod}</dd>
          <dt>{say('updateMethod', language)}</dt>
          <dd translate={false}>{item.updateMethod}</dd>
          <dt>{say('startsOn', language)}</dt>
          <dd>{item.startsOn}</dd>
          <dt>{say('notifiedOn', language)}</dt>
          <dd>{item.notifiedToCommissionOn}</dd>
        </dl>
      ))}
    </>
  );
}

/** Each dataset of anonymously processed information created: its title, the date, the items about individuals it holds. */
function AnonymisedDatasets({ publications, language }: { publications: AnonymisedPublications; language: Language }) {
  return (
    <>
      <p>{localised(publications.policy, language)}</p>
      {publications.datasets.length === 0 ? (
        <p>{say('noAnonymised', language)}</p>
      ) : (
        publications.datasets.map((d) => (
          <section key={d.datasetId} aria-labelledby={`anonymised-${d.datasetId}`}>
            <h3 id={`anonymised-${d.datasetId}`}>{localised(d.title, language)}</h3>
            <dl>
              <dt>{say('anonymisedCreatedOn', language)}</dt>
              <dd>{d.createdOn}</dd>
              <dt>{say('anonymisedItems', language)}</dt>
              <dd>
                <ul>
                  {d.items.map((item) => (
                    <li key={item.en}>{localised(item, language)}</li>
                  ))}
                </ul>
              </dd>
            </dl>
          </section>
        ))
      )}
    </>
  );
}

export function NoticePage({ language }: { language: Language }) {
  const [notice, setNotice] = useState<Notice | 'failed' | undefined>();
  const load = () => {
    setNotice(undefined);
    api.privacyNotice().then((r) => setNotice(r.kind === 'ok' ? (r.data as unknown as Notice) : 'failed'));
  };
  useEffect(load, []);

  return (
    <>
      <h1 tabIndex={-1}>{t('noticeTitle', language)}</h1>
      {notice === undefined && <p role="status">{t('loading', language)}</p>}
      {notice === 'failed' && (
        <p role="alert">
          {t('loadFailed', language)}{' '}
          <button type="button" onClick={load}>
            {t('retry', language)}
          </button>
        </p>
      )}
      {notice && notice !== 'failed' && <NoticeBody notice={notice} language={language} />}
    </>
  );
}

function NoticeBody({ notice, language }: { notice: Notice; language: Language }) {
  const { requests, desk } = notice;
  return (
    <>
      <p>
        {localised(notice.business, language)} · {t('noticeVersion', language)} {notice.version}
      </p>
      <p>
        <a class="button" href="#/request">
          {t('startRequest', language)}
        </a>
      </p>
      <section aria-labelledby="purposes">
        <h2 id="purposes">{t('purposes', language)}</h2>
        <Labels items={notice.purposesOfUse} language={language} />
        {notice.purposeChanges.length > 0 && (
          <>
            <h3>{say('purposeChanges', language)}</h3>
            <ul>
              {notice.purposeChanges.map((c) => (
                <li key={`${c.id}-${c.effectiveFrom}`}>
                  {japanDate(c.effectiveFrom, language)} {say(c.kind, language)}: {localised(c, language)}
                  {c.previous && ` (${say('before', language)}: ${localised(c.previous, language)})`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="sources">
        <h2 id="sources">{t('sources', language)}</h2>
        <Labels items={notice.acquisitionSources} language={language} />
      </section>
      <section aria-labelledby="access-information">
        <h2 id="access-information">{t('accessInformation', language)}</h2>
        <p>{localised(notice.accessInformation.linkage, language)}</p>
        <Labels items={notice.accessInformation.categories} language={language} />
      </section>
      <section aria-labelledby="special-care">
        <h2 id="special-care">{t('specialCare', language)}</h2>
        <p>{localised(notice.specialCareInformation.policy, language)}</p>
        <Exceptions items={notice.specialCareInformation.exceptions} language={language} />
      </section>
      <section aria-labelledby="use-beyond-purposes">
        <h2 id="use-beyond-purposes">{t('useBeyondPurposes', language)}</h2>
        <p>{localised(notice.useBeyondPurposes.policy, language)}</p>
        <Exceptions items={notice.useBeyondPurposes.exceptions} language={language} />
      </section>
      <section aria-labelledby="my-number">
        <h2 id="my-number">{t('myNumber', language)}</h2>
        <p>{localised(notice.myNumber.policy, language)}</p>
      </section>
      <section aria-labelledby="consents">
        <h2 id="consents">{say('consents', language)}</h2>
        <p>{localised(notice.consents, language)}</p>
        <ol>
          {notice.consents.steps.map((step, index) => (
            <li key={index}>{localised(step, language)}</li>
          ))}
        </ol>
        <p>
          <a href="#/consents">{t('consentsLink', language)}</a>
        </p>
      </section>
      <section aria-labelledby="third-party">
        <h2 id="third-party">{t('thirdParty', language)}</h2>
        <p>{localised(notice.thirdPartyProvision.policy, language)}</p>
        <h3>{t('jointUse', language)}</h3>
        <JointUses items={notice.thirdPartyProvision.jointUse} language={language} />
        <h3>{t('optOut', language)}</h3>
        <OptOuts items={notice.thirdPartyProvision.optOutItems} language={language} />
      </section>
      <section aria-labelledby="anonymised">
        <h2 id="anonymised">{t('anonymised', language)}</h2>
        <AnonymisedDatasets publications={notice.anonymisedInformationPublications} language={language} />
      </section>
      <section aria-labelledby="requests">
        <h2 id="requests">{t('requests', language)}</h2>
        <p>{localised(requests.procedure, language)}</p>
        <p>{localised(requests.verification, language)}</p>
        <p>
          <strong>{localised(requests.inPersonNotice, language)}</strong>
        </p>
        <h3>{t('whoMayRequest', language)}</h3>
        <Labels items={requests.whoMayRequest} language={language} />
        <p>{localised(requests.representatives, language)}</p>
        <p>{say('authorityDocuments', language)}</p>
        <Labels items={requests.representatives.authorityDocuments} language={language} />
        <p>{say('identityDocuments', language)}</p>
        <Labels items={requests.representatives.identityDocuments} language={language} />
        <h3>{t('fees', language)}</h3>
        <p>{localised(requests.feePolicy, language)}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('requestType', language)}</th>
              <th scope="col">{say('amount', language)}</th>
            </tr>
          </thead>
          <tbody>
            {requests.fees.map((f) => (
              <tr key={f.type}>
                <th scope="row">{localised(TYPE_LABELS[f.type as keyof typeof TYPE_LABELS], language) || f.type}</th>
                <td>
                  {f.fee === 'none' ? (
                    t('free', language)
                  ) : (
                    <>
                      {f.fee.amountYen.toLocaleString(language)}
                      {t('yen', language)} (<span translate={false}>{f.fee.method}</span>)
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('answerTimeline', language)}</h3>
        <p>{localised(requests.answerTimeline, language)}</p>
        <p>
          {localised(notice.apiReference, language)}{' '}
          <a href={notice.apiReference.href}>{say('apiReferenceLink', language)}</a>
        </p>
      </section>
      <Business details={notice.businessDetails} measures={notice.securityMeasures} language={language} />
      <section aria-labelledby="desk">
        <h2 id="desk">{t('desk', language)}</h2>
        <p>{localised(desk.name, language)}</p>
        <dl>
          <dt>{t('deskAddress', language)}</dt>
          <dd>
            {localised(desk.address, language) === localised(notice.businessDetails.address, language)
              ? t('deskAddressAsBusiness', language)
              : localised(desk.address, language)}
          </dd>
          <dt>{t('deskEmail', language)}</dt>
          <dd>
            <a href={`mailto:${desk.email}`}>{desk.email}</a>
          </dd>
          <dt>{t('deskHours', language)}</dt>
          <dd>{localised(desk.hoursText, language)}</dd>
        </dl>
      </section>
    </>
  );
}

/** APPI Art. 32(1)(i), (iv); Cabinet Order Art. 10(i): who handles the data, and the measures taken. */
function Business({
  details,
  measures,
  language,
}: {
  details: BusinessDetails;
  measures: Notice['securityMeasures'];
  language: Language;
}) {
  const organisation = details.accreditedOrganisation;
  return (
    <>
      <section aria-labelledby="business">
        <h2 id="business">{localised(B.business, language)}</h2>
        <dl>
          <dt>{localised(B.name, language)}</dt>
          <dd>{localised(details.name, language)}</dd>
          <dt>{localised(B.address, language)}</dt>
          <dd>{localised(details.address, language)}</dd>
          <dt>{localised(B.representative, language)}</dt>
          <dd>{localised(details.representative, language)}</dd>
          <dt>{localised(B.securityOfficer, language)}</dt>
          <dd>
            {localised(details.securityOfficer.name, language)} ({localised(B.officerSince, language)}{' '}
            {details.securityOfficer.since})
          </dd>
          <dt>{localised(B.accreditedOrganisation, language)}</dt>
          <dd>
            {organisation
              ? `${localised(organisation.name, language)} (${localised(B.complaintsContact, language)}: ${localised(organisation.complaintsContact, language)})`
              : details.noAccreditedOrganisation && localised(details.noAccreditedOrganisation, language)}
          </dd>
        </dl>
      </section>
      <section aria-labelledby="security-measures">
        <h2 id="security-measures">{localised(B.securityMeasures, language)}</h2>
        {measures.map((m) => (
          <div key={m.kind}>
            <h3>{localised(m.heading, language)}</h3>
            <ul>
              {m.items.map((item, index) => (
                <li key={index}>{localised(item, language)}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
