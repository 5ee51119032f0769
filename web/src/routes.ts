// The pages, addressed by the URL's fragment so the static host needs no rewrites. The status page
// may carry the status token from the e-mailed link (#/status/<id>/<token>?lang=en): a fragment never
// reaches a server, and the app takes the token out of the address at once (app.tsx).
import type { Language } from './request-form';

export type Route =
  | { page: 'notice' }
  | { page: 'request' }
  | { page: 'consents' }
  | { page: 'verify'; requestId: string }
  | { page: 'status'; requestId: string; token?: string }
  | { page: 'not-found' };

const ID = /^[A-Za-z0-9_-]+$/;

export function parseRoute(hash: string): Route {
  const match = /^#?\/?([^?]*)/.exec(hash)!;
  const [page = '', id, token, ...rest] = match[1]!.replace(/\/$/, '').split('/');
  if (rest.length > 0 || (id !== undefined && !ID.test(id)) || (token !== undefined && !ID.test(token)))
    return { page: 'not-found' };
  if (!page && id === undefined) return { page: 'notice' };
  if ((page === 'request' || page === 'consents') && id === undefined) return { page };
  if (page === 'verify' && id !== undefined && token === undefined) return { page, requestId: id };
  if (page === 'status' && id !== undefined)
    return token === undefined ? { page, requestId: id } : { page, requestId: id, token };
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'notice':
      return '#/';
    case 'request':
      return '#/request';
    case 'consents':
      return '#/consents';
    case 'verify':
      return `#/verify/${route.requestId}`;
    case 'status':
      return `#/status/${route.requestId}${route.token ? `/${route.token}` : ''}`;
    case 'not-found':
      return '#/not-found';
  }
}

/** The language a link asks for (`?lang=en` after the page's path in the fragment), if any. */
export function linkLanguage(hash: string): Language | undefined {
  const lang = new URLSearchParams(hash.split('?')[1] ?? '').get('lang');
  return lang === 'ja' || lang === 'en' ? lang : undefined;
}
