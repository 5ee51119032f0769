// The paper copy of a disclosure the person chose to receive by post, for the operator to print: the
// stored dossier read as JSON (an access-logged read) and laid out as the server's page lays it out,
// in the person's language. It lives in this page's memory only; printing hides the console around it.
import { useEffect, useState } from 'preact/hooks';
import type { ApiResult } from '../api';
import type { Label } from '../text';
import {
  type DossierBlock,
  type DossierCard,
  type DossierField,
  type DossierJson,
  type DossierLayout,
  type DossierValue,
  printedDossier,
} from './dossier';
import type { DeskPageProps } from './page-props';
import { failureOf, ProblemNotice } from './problem';
import { hrefOfDeskRoute } from './routes';
import { staffApi } from './staff-api';
import type { Language } from './text';
import './print.css';

const T = {
  title: { ja: '開示書面の印刷', en: 'Print the disclosure' },
  back: { ja: '請求の詳細へ戻る', en: 'Back to the request' },
  logged: {
    ja: 'この書面は本人の個人データです。この画面を開くと、あなたによる閲覧としてアクセス記録に記録されます。',
    en: "This copy is the person's personal data. Opening this page is recorded in the access log as your read.",
  },
  loading: { ja: '読み込み中…', en: 'Loading…' },
  reload: { ja: '再読み込み', en: 'Reload' },
  print: { ja: '印刷する', en: 'Print' },
  printHint: {
    ja: '下の書面だけが印刷されます（コンソールの見出しやメニューは印刷されません）。発送したら、請求の詳細で発送を記録してください。',
    en: 'Only the copy below is printed, without the console around it. Once it is posted, record the posting on the request.',
  },
  paper: { ja: '印刷される書面', en: 'The copy to print' },
} satisfies Record<string, Label>;

const say = (key: keyof typeof T, language: Language) => T[key][language];

/** A registered value stays as it is in any language (HTML translate="no"). */
function Value({ value }: { value: DossierValue }) {
  return value.data ? <span translate={false}>{value.text}</span> : value.text;
}

function Field({ field }: { field: DossierField }) {
  return (
    <>
      <dt>{field.label}</dt>
      <dd>
        {field.list
          ? field.list.length > 0 && (
              <ul>
                {field.list.map((item, i) => (
                  <li key={i}>
                    <Value value={item} />
                  </li>
                ))}
              </ul>
            )
          : field.value && <Value value={field.value} />}
        {field.detail && (
          <span class="dossier-detail">
            <Value value={field.detail} />
          </span>
        )}
      </dd>
    </>
  );
}

function Card({ card }: { card: DossierCard }) {
  return (
    <li class="dossier-card">
      <h4>
        <Value value={card.title} />
      </h4>
      {card.marks.map((mark) => (
        <p key={mark} class="mark">
          ※ {mark}
        </p>
      ))}
      <dl>
        {card.fields.map((field, i) => (
          <Field key={i} field={field} />
        ))}
      </dl>
    </li>
  );
}

function Block({ block }: { block: DossierBlock }) {
  switch (block.kind) {
    case 'paragraph':
      return <p>{block.text}</p>;
    case 'note':
      return <p class="dossier-note">{block.text}</p>;
    case 'list':
      return (
        <ul>
          {block.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'labelled':
      return (
        <p>
          {block.label}: <Value value={block.value} />
        </p>
      );
    case 'cards':
      return (
        <ul class="dossier-cards">
          {block.cards.map((card, i) => (
            <Card key={i} card={card} />
          ))}
        </ul>
      );
  }
}

/** The copy itself, in the person's language (its own lang), headed as the server's page is. */
function Paper({ printed, label }: { printed: DossierLayout; label: string }) {
  return (
    <article class="dossier-paper" lang={printed.language} aria-label={label}>
      <h2>{printed.title}</h2>
      {printed.facts.map((fact) => (
        <p key={fact.label} class="dossier-line">
          {fact.label}: <Value value={fact.value} />
        </p>
      ))}
      <p class="dossier-line">{printed.timeNote}</p>
      {printed.nothingHeld && (
        <p>
          <strong>{printed.nothingHeld}</strong>
        </p>
      )}
      {printed.sections.map((section) => (
        <section key={section.id}>
          <h3>{section.heading}</h3>
          {section.blocks.map((block, b) => (
            <Block key={b} block={block} />
          ))}
        </section>
      ))}
      {printed.contact && (
        <section>
          <h3>{printed.contact.heading}</h3>
          <p>{printed.contact.intro}</p>
          <p class="dossier-line">{printed.contact.name}</p>
          {printed.contact.address && <p class="dossier-line">{printed.contact.address}</p>}
          {printed.contact.hours && <p class="dossier-line">{printed.contact.hours}</p>}
          <p class="dossier-line">{printed.contact.email}</p>
        </section>
      )}
    </article>
  );
}

export function PrintPage({ session, language, requestId }: DeskPageProps & { requestId: string }) {
  const [result, setResult] = useState<ApiResult<DossierJson>>();
  const load = () => {
    setResult(undefined);
    void staffApi(session)
      .get<DossierJson>(`/v1/staff/requests/${encodeURIComponent(requestId)}/disclosure`)
      .then(setResult);
  };
  useEffect(load, [session, requestId]);

  const failure = result && failureOf(result);
  const printed = result?.kind === 'ok' ? printedDossier(result.data) : undefined;
  return (
    <div class="print-view">
      <div class="screen-only">
        <h1 tabIndex={-1}>
          {say('title', language)}: <code>{requestId}</code>
        </h1>
        <p>
          <a href={hrefOfDeskRoute({ page: 'request', requestId })}>{say('back', language)}</a>
        </p>
        <p class="notice">{say('logged', language)}</p>
        {!result && <p role="status">{say('loading', language)}</p>}
        {failure && (
          <>
            <ProblemNotice problem={failure} language={language} />
            <button type="button" onClick={load}>
              {say('reload', language)}
            </button>
          </>
        )}
        {printed && (
          <>
            <p>{say('printHint', language)}</p>
            <p>
              <button type="button" onClick={() => window.print()}>
                {say('print', language)}
              </button>
            </p>
          </>
        )}
      </div>
      {printed && <Paper printed={printed} label={say('paper', language)} />}
    </div>
  );
}
