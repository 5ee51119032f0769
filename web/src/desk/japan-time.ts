// Instants in Japan time, the desk's time (policy §7), as the console shows them.

/** An instant in Japan time, to the second, for tables and answers. */
export function japanTime(iso: string, language: 'ja' | 'en'): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const text = new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
  return language === 'ja' ? text : `${text} JST`;
}
