// The privacy notice, rendered from GET /v1/privacy-notice (APPI Art. 21, 32(1)).
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { Language } from './request-form';
import { localised, TYPE_LABELS, t } from './text';

type Labelled = { id?: string; ja?: string; en?: string };
type Notice = {
  version: string;
  business: string;
  purposesOfUse: Labelled[];
  acquisitionSources: Labelled[];
  accessInformation: { categories: Labelled[]; linkage: Labelled };
  specialCareInformation: { policy: Labelled };
  myNumber: { policy: Labelled };
  thirdPartyProvision: { jointUse: Record<string, unknown>[]; optOutItems: Record<string, unknown>[] };
  anonymisedInformationPublications: Record<string, unknown>[];
  requests: {
    procedure: Labelled;
    verification: Labelled;
    whoMayRequest: Labelled[];
    representatives: Labelled;
    inPersonNotice: Labelled;
    fees: { type: string; fee: 'none' | { amountYen: number; method: string } }[];
    feePolicy: Labelled;
    answerTimeline: Labelled;
  };
  desk: { name: Labelled; address: string; email: string; hoursText: Labelled };
};

function Labels({ items, language }: { items: Labelled[]; language: Language }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.id}>{localised(item, language)}</li>
      ))}
    </ul>
  );
}

/** Joint use and opt-out entries: each field as a term and its value, in the reader's language where the API gives one. */
function Entries({ items, language }: { items: Record<string, unknown>[]; language: Language }) {
  if (items.length === 0) return <p>{t('none', language)}</p>;
  const show = (value: unknown): string =>
    Array.isArray(value)
      ? value.map(show).join(language === 'ja' ? '、' : ', ')
      : localised(value, language) ||
        (value && typeof value === 'object' ? Object.values(value).map(show).join(' ') : String(value));
  return (
    <>
      {items.map((item, index) => (
        <dl key={index}>
          {Object.entries(item).map(([term, value]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd>{show(value)}</dd>
            </Fragment>
          ))}
        </dl>
      ))}
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
        {notice.business} · {t('noticeVersion', language)} {notice.version}
      </p>
      <p>
        <a class="button" href="#/request">
          {t('startRequest', language)}
        </a>
      </p>
      <section aria-labelledby="purposes">
        <h2 id="purposes">{t('purposes', language)}</h2>
        <Labels items={notice.purposesOfUse} language={language} />
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
      </section>
      <section aria-labelledby="my-number">
        <h2 id="my-number">{t('myNumber', language)}</h2>
        <p>{localised(notice.myNumber.policy, language)}</p>
      </section>
      <section aria-labelledby="third-party">
        <h2 id="third-party">{t('thirdParty', language)}</h2>
        <p>{t('thirdPartyPolicy', language)}</p>
        <p>
          <a href="#/consents">{t('consentsLink', language)}</a>
        </p>
        <h3>{t('jointUse', language)}</h3>
        <Entries items={notice.thirdPartyProvision.jointUse} language={language} />
        <h3>{t('optOut', language)}</h3>
        <Entries items={notice.thirdPartyProvision.optOutItems} language={language} />
      </section>
      <section aria-labelledby="anonymised">
        <h2 id="anonymised">{t('anonymised', language)}</h2>
        <Entries items={notice.anonymisedInformationPublications} language={language} />
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
        <h3>{t('fees', language)}</h3>
        <p>{localised(requests.feePolicy, language)}</p>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('requestType', language)}</th>
              <th scope="col">{t('fees', language)}</th>
            </tr>
          </thead>
          <tbody>
            {requests.fees.map((f) => (
              <tr key={f.type}>
                <th scope="row">{localised(TYPE_LABELS[f.type as keyof typeof TYPE_LABELS], language) || f.type}</th>
                <td>
                  {f.fee === 'none'
                    ? t('free', language)
                    : `${f.fee.amountYen.toLocaleString(language)}${t('yen', language)} (${f.fee.method})`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t('answerTimeline', language)}</h3>
        <p>{localised(requests.answerTimeline, language)}</p>
      </section>
      <section aria-labelledby="desk">
        <h2 id="desk">{t('desk', language)}</h2>
        <p>{localised(desk.name, language)}</p>
        <dl>
          <dt>{t('deskAddress', language)}</dt>
          <dd>{desk.address}</dd>
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
