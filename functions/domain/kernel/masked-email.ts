// An e-mail address shown so its owner recognises it and an onlooker learns little: the first two
// characters of the mailbox (one, when it is that short), then "***", and the domain as it is.

/** "hanako.yamada@example.jp" → "ha***@example.jp"; "h@example.jp" → "h***@example.jp". */
export function maskedEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '***';
  const local = [...address.slice(0, at)];
  const kept = local.length > 2 ? 2 : Math.min(1, local.length);
  return `${local.slice(0, kept).join('')}***${address.slice(at)}`;
}
