// The pages, addressed by the URL's fragment so the static host needs no rewrites.
export type Route =
  | { page: 'notice' }
  | { page: 'request' }
  | { page: 'verify'; requestId: string }
  | { page: 'status'; requestId: string }
  | { page: 'not-found' };

export function parseRoute(hash: string): Route {
  const match = /^#?\/?([a-z-]*)\/?([A-Za-z0-9_-]*)$/.exec(hash);
  if (!match) return { page: 'not-found' };
  const [, page, id] = match;
  if (!page && !id) return { page: 'notice' };
  if (page === 'request' && !id) return { page: 'request' };
  if ((page === 'verify' || page === 'status') && id) return { page, requestId: id };
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'notice': return '#/';
    case 'request': return '#/request';
    case 'verify':
    case 'status': return `#/${route.page}/${route.requestId}`;
    case 'not-found': return '#/not-found';
  }
}
