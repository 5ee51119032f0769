// The dossier's words in both languages, its times in Japan time, and its layout: the server's page
// and CSV (dossier-formats.ts) and the console's printed copy (web/src/desk/dossier.ts) say the same
// things in the same order. No imports, so the browser build can take it as it is.

export const DOSSIER_TEXT = {
  ja: {
    title: '保有個人データの開示',
    records: '保有個人データ',
    category: '項目',
    value: '内容',
    source: '取得元',
    purposes: '利用目的',
    acquiredAt: '取得日時',
    purposesOfUse: '利用目的',
    consents: '同意の記録',
    none: 'ありません',
    nothingHeld: '当社はお客様の個人データを保有しておりません。',
    provided: '提供',
    received: '受領',
    recipient: '提供先',
    provider: '提供元',
    items: '項目',
    basis: '根拠',
    date: '年月日',
    withheld: '開示しなかった項目',
    withheldIntro:
      '次の項目は、下記の根拠及び理由により開示しておりません（個人情報の保護に関する法律第33条第3項、第36条）。',
    grounds: '根拠',
    reason: '理由',
    generatedAt: '作成日時',
    requestId: '受付番号',
    person: 'ご本人',
    timeNote: '日時はすべて日本時間で表示しています。',
    actions: 'この写しの保存と印刷',
    print: '印刷する',
    printHint: '印刷するには、ブラウザの印刷機能をお使いください。',
    downloadJson: 'JSON形式でダウンロード',
    downloadCsv: 'CSV形式でダウンロード（表計算ソフト用）',
    contact: 'お問い合わせ先',
    contactIntro: 'この開示についてのご質問や苦情は、次の窓口までご連絡ください。',
    deskEmail: 'メール',
    deskAddress: '所在地',
    deskHours: '受付時間',
    marks: '表示',
    consentPurpose: '利用目的',
    consentRecipient: '提供先',
    consentLinkage: '対象',
    consentMethod: '方法',
    consentAt: '日時',
    noticeVersion: '表示したプライバシーポリシーの版',
    providedTo: '第三者への提供',
    receivedFrom: '第三者からの受領',
    csvSection: '区分',
    csvItem: '項目',
    csvContent: '内容',
    csvSource: '取得元・根拠',
    csvPurposes: '利用目的',
    csvDate: '日時（日本時間）',
    csvNote: '注記',
    yes: 'はい',
    no: 'いいえ',
    linkedMark: 'お客様に紐づくアクセス情報',
    linkedNote:
      '「お客様に紐づくアクセス情報」と表示した項目は、Cookie、ウェブビーコン、広告識別子等によりサービスのご利用に伴って取得したアクセス情報で、当社がお客様の個人データと紐づけて保有しているものです。そのため、お客様の個人データとして開示しています。',
    holderSource: '保有元',
    holderIntro:
      '当社のシステム又は委託先が保有しているお客様の個人データです。保有元から受け取った内容をそのまま記載しています。',
    incidents: 'お客様の個人データに関する漏えい等の事案',
    incidentsIntro:
      '当社が取り扱うお客様の個人データについて、次の漏えい、滅失又は毀損が発生し、又は発生したおそれがありました（個人情報の保護に関する法律第26条）。',
    incidentId: '事案番号',
    incidentKinds: '種類',
    incidentAwareAt: '当社が把握した日時',
    incidentNotice: 'お客様への通知',
    myNumberDocuments: 'マイナンバー（個人番号）が記載された書類',
    myNumberIntro:
      '当社は、法令に定める事務のため、お客様の個人番号が記載された次の書類を保管しています。保存期間が経過した後は、個人番号を消去します（行政手続における特定の個人を識別するための番号の利用等に関する法律第20条）。',
    myNumberAffair: '事務',
    myNumberTaxYear: '対象年分',
    myNumberCompletedOn: '保存期間の起算日',
    myNumberKeptUntil: '保管期限（この日の後に消去します）',
    taxYearValue: '{year}年分',
    noticeSent: '{at}にメールでお知らせしました。',
    noticeAlternative: 'ご連絡先にお知らせできなかったため、次の措置をとりました: {measure}',
    noticeNone: 'まだお知らせしていません。',
    specialCareMark: '要配慮個人情報',
    specialCareNote:
      '「要配慮個人情報」と表示した項目は、個人情報の保護に関する法律第2条第3項に定める要配慮個人情報です。当社は、お客様の同意を得た場合又は同法第20条第2項に定める場合に限り取得しています。',
  },
  en: {
    title: 'Disclosure of your personal data',
    records: 'Personal data we hold',
    category: 'Item',
    value: 'Content',
    source: 'Source',
    purposes: 'Purposes of use',
    acquiredAt: 'Acquired',
    purposesOfUse: 'Purposes of use',
    consents: 'Consents',
    none: 'None',
    provided: 'Provided',
    received: 'Received',
    recipient: 'Recipient',
    provider: 'Provider',
    items: 'Items',
    basis: 'Basis',
    date: 'Date',
    withheld: 'Items not disclosed',
    withheldIntro:
      'We have not disclosed the following items, on the grounds and for the reason below (APPI Art. 33(3), 36).',
    grounds: 'Grounds',
    reason: 'Reason',
    nothingHeld: 'We hold no personal data about you.',
    generatedAt: 'Compiled',
    requestId: 'Request number',
    person: 'Person',
    timeNote: 'All dates and times are Japan time (JST).',
    actions: 'Keep or print this copy',
    print: 'Print',
    printHint: "To print, use your browser's print command.",
    downloadJson: 'Download as JSON',
    downloadCsv: 'Download as CSV (for spreadsheets)',
    contact: 'Contact',
    contactIntro: 'For questions or complaints about this disclosure, contact the desk below.',
    deskEmail: 'E-mail',
    deskAddress: 'Address',
    deskHours: 'Hours',
    marks: 'Marked',
    consentPurpose: 'Purpose of use',
    consentRecipient: 'Recipient',
    consentLinkage: 'Covers',
    consentMethod: 'How',
    consentAt: 'When',
    noticeVersion: 'Privacy notice version shown',
    providedTo: 'Provided to a third party',
    receivedFrom: 'Received from a third party',
    csvSection: 'Section',
    csvItem: 'Item',
    csvContent: 'Content',
    csvSource: 'Source or basis',
    csvPurposes: 'Purposes of use',
    csvDate: 'Date (Japan time)',
    csvNote: 'Note',
    yes: 'Yes',
    no: 'No',
    linkedMark: 'Access information linked to you',
    linkedNote:
      'Items marked "Access information linked to you" are access information collected as you used our services, through cookies, web beacons, advertising identifiers and the like, which we hold linked to your personal data. That is why they are disclosed to you as your personal data.',
    holderSource: 'Held by',
    holderIntro: 'Personal data about you held by one of our systems or subcontractors, as it reported it to us.',
    incidents: 'Leaks, losses or damage involving your personal data',
    incidentsIntro:
      'Personal data of yours that we handle was or may have been leaked, lost or damaged in the following incidents (APPI Art. 26).',
    incidentId: 'Incident reference',
    incidentKinds: 'Kind',
    incidentAwareAt: 'We became aware',
    incidentNotice: 'Notice to you',
    myNumberDocuments: 'Documents bearing your Individual Number (My Number)',
    myNumberIntro:
      'For the affairs the law sets, we keep the following documents that bear your Individual Number. When a retention period ends, the number is erased (My Number Act Art. 20).',
    myNumberAffair: 'Affair',
    myNumberTaxYear: 'Tax year',
    myNumberCompletedOn: 'Retention counted from',
    myNumberKeptUntil: 'Kept until (erased after this day)',
    taxYearValue: '{year}',
    noticeSent: 'We told you by e-mail on {at}.',
    noticeAlternative: 'We could not reach you, so we took this measure instead: {measure}',
    noticeNone: 'We have not yet told you.',
    specialCareMark: 'Special care-required',
    specialCareNote:
      'Items marked "Special care-required" are special care-required personal information as defined in Article 2(3) of the Act on the Protection of Personal Information. We acquire such information only with your consent or in the cases listed in Article 20(2) of the Act.',
  },
} as const;

type DossierLanguage = keyof typeof DOSSIER_TEXT;

const TOKYO = 'Asia/Tokyo';

/** An instant in Japan time (APPI answers are on the desk's Japan calendar): 2026年12月7日 16:05, 7 Dec 2026, 16:05 JST. */
export function dossierTime(iso: string, language: DossierLanguage): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const text = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: TOKYO,
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
    hour: language === 'ja' ? 'numeric' : '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return language === 'ja' ? text : `${text} JST`;
}

/** A Japan date (YYYY-MM-DD) as a person writes it: 2025年5月1日, 1 May 2025; an instant is shown in Japan time. */
export function dossierDate(value: string, language: DossierLanguage): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return dossierTime(value, language);
  const day = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(day.getTime())) return value;
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'UTC',
    year: 'numeric',
    month: language === 'ja' ? 'long' : 'short',
    day: 'numeric',
  }).format(day);
}

/** For a spreadsheet: Japan time that sorts as text, 2026-12-07 16:05 (the column's header says Japan time); a date stays a date. */
export function dossierSortableTime(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  const part = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TOKYO,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/**
 * What the layout reads: the dossier as served (disclosure-dossier.ts servedDossier, the contract's
 * dossierResponse), its codes already named in its language. Declared here, not imported: a leaf.
 */
export interface DossierInput {
  requestId: string;
  language: DossierLanguage;
  subject: { email: string; name?: string | undefined };
  records?:
    | Array<{
        category: string;
        categoryLabel?: string | undefined;
        value: string;
        source: { description: string; detail?: string | undefined };
        purposes: Array<{ description: string }>;
        acquiredAt: string;
        linkedAccessInformation: boolean;
        specialCare: boolean;
      }>
    | undefined;
  purposesOfUse?: Array<{ description: string }> | undefined;
  /** One part per other holder of the person's data, its heading naming the holder. */
  holderResults?:
    | Array<{
        holder: string;
        heading?: string | undefined;
        available: boolean;
        notAvailable?: string | undefined;
        records: Array<{
          category: string;
          categoryLabel?: string | undefined;
          value: string;
          linkedAccessInformation: boolean;
          specialCare: boolean;
        }>;
      }>
    | undefined;
  consents?:
    | Array<{
        action: string;
        purpose?: string | undefined;
        recipient?: string | undefined;
        linkage?: string | undefined;
        noticeVersion: string;
        method: string;
        at: string;
        purposeDescription?: string | undefined;
        recipientName?: string | undefined;
        actionLabel?: string | undefined;
        methodLabel?: string | undefined;
        linkageLabel?: string | undefined;
      }>
    | undefined;
  provisionRecordsLabel?: string | undefined;
  provisionRecords?:
    | Array<{
        direction: string;
        counterparty: string;
        recipient?: string | undefined;
        provider?: string | undefined;
        items: string[];
        basis: string;
        date: string;
        itemLabels?: string[] | undefined;
        basisLabel?: string | undefined;
      }>
    | undefined;
  withheld?: { categories: Array<{ label: string }>; grounds: Array<{ label: string }>; reason: string } | undefined;
  /** The incidents that involved the person's data (APPI Art. 26), with the notice given to them. */
  incidents?:
    | Array<{
        incidentId: string;
        kinds: string[];
        kindLabels?: string[] | undefined;
        awareAt: string;
        notice?:
          | {
              state: string;
              sentAt?: string | undefined;
              alternativeMeasure?: string | undefined;
            }
          | undefined;
      }>
    | undefined;
  /** The My Number documents held, without the numbers, and the sentence saying where a number is disclosed. */
  myNumberDocuments?:
    | Array<{
        document: string;
        name: string;
        affair: string;
        affairLabel: string;
        taxYear?: number | undefined;
        completedOn?: string | undefined;
        keptUntil: string;
      }>
    | undefined;
  myNumberNote?: string | undefined;
  nothingHeld: boolean;
  generatedAt: string;
  desk?: { name: string; email: string; address?: string | undefined; hours?: string | undefined } | undefined;
}

/** Text as shown; `data` marks a value kept as registered, in whatever language it was given (HTML translate="no"). */
export interface DossierValue {
  text: string;
  data?: boolean;
}

/** One labelled line of a card: a value, a list of values, and a small line under the value. */
export interface DossierField {
  label: string;
  value?: DossierValue;
  list?: DossierValue[];
  detail?: DossierValue;
}

/** One record, consent or provision record: its name, its marks, and its fields. */
export interface DossierCard {
  title: DossierValue;
  marks: string[];
  fields: DossierField[];
}

export type DossierBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'labelled'; label: string; value: DossierValue }
  | { kind: 'cards'; cards: DossierCard[] };

export interface DossierSection {
  id:
    | 'records'
    | 'purposes'
    | 'consents'
    | 'provision-records'
    | 'incidents'
    | 'my-number-documents'
    | 'withheld'
    | `holder-${number}`;
  heading: string;
  blocks: DossierBlock[];
}

export interface DossierLayout {
  language: DossierLanguage;
  title: string;
  /** The request, whom it is about and when it was compiled. */
  facts: Array<{ label: string; value: DossierValue }>;
  timeNote: string;
  nothingHeld?: string;
  sections: DossierSection[];
  contact?: { heading: string; intro: string; name: string; email: string; address?: string; hours?: string };
}

const shown = (text: string): DossierValue => ({ text });
const data = (text: string): DossierValue => ({ text, data: true });
/** The consent methods are worded to sit in a sentence ("given by …"); a field of its own starts with a capital. */
const capitalised = (text: string | undefined) => text && text.charAt(0).toUpperCase() + text.slice(1);
/** A word where the dossier has one, else the code as it is. */
const wordOr = (word: string | undefined, code: string): DossierValue => (word ? shown(word) : data(code));

/** What the person was told of an incident, in a sentence of the dossier's language. */
export function dossierNoticeText(
  notice: { state: string; sentAt?: string | undefined; alternativeMeasure?: string | undefined } | undefined,
  language: DossierLanguage,
): string {
  const t = DOSSIER_TEXT[language];
  if (notice?.state === 'sent' && notice.sentAt)
    return t.noticeSent.replace('{at}', dossierTime(notice.sentAt, language));
  if (notice?.state === 'unreachable' && notice.alternativeMeasure)
    return t.noticeAlternative.replace('{measure}', notice.alternativeMeasure);
  return t.noticeNone;
}

/** The dossier laid out as every reader shows it: sections in the Act's order, "none" where a part is empty. */
export function dossierLayout(dossier: DossierInput): DossierLayout {
  const language = dossier.language;
  const t = DOSSIER_TEXT[language];
  const list = (items: string[]): DossierBlock =>
    items.length ? { kind: 'list', items } : { kind: 'paragraph', text: t.none };
  const cards = (items: DossierCard[]): DossierBlock =>
    items.length ? { kind: 'cards', cards: items } : { kind: 'paragraph', text: t.none };
  const sections: DossierSection[] = [];

  if (dossier.records) {
    const records = dossier.records;
    const notes = [
      records.some((r) => r.linkedAccessInformation) ? t.linkedNote : '',
      records.some((r) => r.specialCare) ? t.specialCareNote : '',
    ]
      .filter(Boolean)
      .map((text): DossierBlock => ({ kind: 'note', text: `※ ${text}` }));
    sections.push(
      {
        id: 'records',
        heading: t.records,
        blocks: [
          cards(
            records.map((r) => ({
              title: wordOr(r.categoryLabel, r.category),
              marks: [r.linkedAccessInformation ? t.linkedMark : '', r.specialCare ? t.specialCareMark : ''].filter(
                Boolean,
              ),
              fields: [
                { label: t.value, value: data(r.value) },
                {
                  label: t.source,
                  value: shown(r.source.description),
                  ...(r.source.detail ? { detail: data(r.source.detail) } : {}),
                },
                { label: t.purposes, list: r.purposes.map((p) => shown(p.description)) },
                { label: t.acquiredAt, value: shown(dossierTime(r.acquiredAt, language)) },
              ],
            })),
          ),
          ...notes,
        ],
      },
      {
        id: 'purposes',
        heading: t.purposesOfUse,
        blocks: [list((dossier.purposesOfUse ?? []).map((p) => p.description))],
      },
      {
        id: 'consents',
        heading: t.consents,
        blocks: [
          cards(
            (dossier.consents ?? []).map((c) => ({
              title: wordOr(c.actionLabel, c.action),
              marks: [],
              fields: [
                ...(c.purpose ? [{ label: t.consentPurpose, value: wordOr(c.purposeDescription, c.purpose) }] : []),
                ...(c.recipient ? [{ label: t.consentRecipient, value: data(c.recipientName ?? c.recipient) }] : []),
                ...(c.linkage ? [{ label: t.consentLinkage, value: wordOr(c.linkageLabel, c.linkage) }] : []),
                { label: t.consentMethod, value: wordOr(capitalised(c.methodLabel), c.method) },
                { label: t.consentAt, value: shown(dossierTime(c.at, language)) },
                { label: t.noticeVersion, value: data(c.noticeVersion) },
              ],
            })),
          ),
        ],
      },
    );
  }

  // Each other holder's data, its source named (APPI Art. 33(1): all the retained personal data,
  // wherever the company keeps it or has it kept).
  (dossier.holderResults ?? []).forEach((h, index) => {
    const notes = [
      h.records.some((r) => r.linkedAccessInformation) ? t.linkedNote : '',
      h.records.some((r) => r.specialCare) ? t.specialCareNote : '',
    ]
      .filter(Boolean)
      .map((text): DossierBlock => ({ kind: 'note', text: `※ ${text}` }));
    sections.push({
      id: `holder-${index + 1}`,
      heading: h.heading ?? h.holder,
      blocks: [
        { kind: 'labelled', label: t.holderSource, value: data(h.holder) },
        ...(h.available
          ? [
              { kind: 'paragraph', text: t.holderIntro } as DossierBlock,
              cards(
                h.records.map((r) => ({
                  title: wordOr(r.categoryLabel, r.category),
                  marks: [r.linkedAccessInformation ? t.linkedMark : '', r.specialCare ? t.specialCareMark : ''].filter(
                    Boolean,
                  ),
                  fields: [{ label: t.value, value: data(r.value) }],
                })),
              ),
              ...notes,
            ]
          : [{ kind: 'paragraph', text: h.notAvailable ?? t.none } as DossierBlock]),
      ],
    });
  });

  if (dossier.provisionRecords) {
    sections.push({
      id: 'provision-records',
      heading: dossier.provisionRecordsLabel ?? '',
      blocks: [
        cards(
          dossier.provisionRecords.map((p) => {
            const provided = p.direction === 'provided';
            return {
              title: shown(provided ? t.providedTo : t.receivedFrom),
              marks: [],
              fields: [
                {
                  label: provided ? t.recipient : t.provider,
                  value: data((provided ? p.recipient : p.provider) ?? p.counterparty),
                },
                { label: t.date, value: shown(dossierDate(p.date, language)) },
                {
                  label: t.items,
                  list: p.itemLabels ? p.itemLabels.map(shown) : p.items.map(data),
                },
                { label: t.basis, value: wordOr(p.basisLabel, p.basis) },
              ],
            };
          }),
        ),
      ],
    });
  }

  if (dossier.incidents?.length) {
    sections.push({
      id: 'incidents',
      heading: t.incidents,
      blocks: [
        { kind: 'paragraph', text: t.incidentsIntro },
        cards(
          dossier.incidents.map((i) => ({
            title: data(i.incidentId),
            marks: [],
            fields: [
              { label: t.incidentKinds, list: i.kindLabels ? i.kindLabels.map(shown) : i.kinds.map(data) },
              { label: t.incidentAwareAt, value: shown(dossierTime(i.awareAt, language)) },
              { label: t.incidentNotice, value: shown(dossierNoticeText(i.notice, language)) },
            ],
          })),
        ),
      ],
    });
  }

  if (dossier.myNumberDocuments?.length) {
    sections.push({
      id: 'my-number-documents',
      heading: t.myNumberDocuments,
      blocks: [
        { kind: 'paragraph', text: t.myNumberIntro },
        cards(
          dossier.myNumberDocuments.map((d) => ({
            title: shown(d.name),
            marks: [],
            fields: [
              { label: t.myNumberAffair, value: shown(d.affairLabel) },
              d.taxYear !== undefined
                ? { label: t.myNumberTaxYear, value: shown(t.taxYearValue.replace('{year}', String(d.taxYear))) }
                : { label: t.myNumberCompletedOn, value: shown(dossierDate(d.completedOn ?? '', language)) },
              { label: t.myNumberKeptUntil, value: shown(dossierDate(d.keptUntil, language)) },
            ],
          })),
        ),
        ...(dossier.myNumberNote ? [{ kind: 'note', text: dossier.myNumberNote } as DossierBlock] : []),
      ],
    });
  }

  if (dossier.withheld) {
    sections.push({
      id: 'withheld',
      heading: t.withheld,
      blocks: [
        { kind: 'paragraph', text: t.withheldIntro },
        list(dossier.withheld.categories.map((c) => c.label)),
        { kind: 'paragraph', text: `${t.grounds}:` },
        list(dossier.withheld.grounds.map((g) => g.label)),
        { kind: 'labelled', label: t.reason, value: data(dossier.withheld.reason) },
      ],
    });
  }

  const subject = dossier.subject.name
    ? `${dossier.subject.name} <${dossier.subject.email}>`
    : `<${dossier.subject.email}>`;
  return {
    language,
    title: t.title,
    facts: [
      { label: t.requestId, value: data(dossier.requestId) },
      { label: t.person, value: data(subject) },
      { label: t.generatedAt, value: shown(dossierTime(dossier.generatedAt, language)) },
    ],
    timeNote: t.timeNote,
    ...(dossier.nothingHeld ? { nothingHeld: t.nothingHeld } : {}),
    sections,
    ...(dossier.desk
      ? {
          contact: {
            heading: t.contact,
            intro: t.contactIntro,
            name: dossier.desk.name,
            email: dossier.desk.email,
            ...(dossier.desk.address ? { address: dossier.desk.address } : {}),
            ...(dossier.desk.hours ? { hours: dossier.desk.hours } : {}),
          },
        }
      : {}),
  };
}
