// The Privacy Center (web/) on the local desk: built with Vite when its sources are newer than the
// build, and served by the gateway under /privacy/ with the same headers CloudFront sends.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, PRIVACY_CENTER_HEADERS } from '../web/security-headers';

export const PRIVACY_CENTER_PATH = '/privacy/';
const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).filter((f) => f !== 'dist' && !f.startsWith('.build-')).map((f) => newestSource(join(path, f))));
}

/** Builds web/ into web/dist unless the build is newer than every source; says whether it built. */
export async function buildPrivacyCenter(): Promise<boolean> {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(WEB_ROOT)) return false;
  const { build } = await import('vite');
  // Built aside and moved in whole, so a page is never served half-built and two desks starting at
  // once do not write over each other.
  const staging = join(WEB_ROOT, `.build-${randomUUID().slice(0, 8)}`);
  try {
    await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), build: { outDir: staging, emptyOutDir: true }, logLevel: 'warn' });
    await rm(WEB_DIST, { recursive: true, force: true });
    await rename(staging, WEB_DIST).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

/** Answers GET under /privacy/ from the build; false when the path is not the Privacy Center's. */
export async function servePrivacyCenter(pathname: string, res: ServerResponse): Promise<boolean> {
  if (pathname === PRIVACY_CENTER_PATH.slice(0, -1)) {
    res.writeHead(301, { location: PRIVACY_CENTER_PATH });
    res.end();
    return true;
  }
  if (!pathname.startsWith(PRIVACY_CENTER_PATH)) return false;
  const headers = { ...PRIVACY_CENTER_HEADERS, 'content-security-policy': contentSecurityPolicy() };
  let relative = '';
  let file = '';
  let body: Buffer;
  try {
    relative = decodeURIComponent(pathname.slice(PRIVACY_CENTER_PATH.length)) || 'index.html';
    file = resolve(WEB_DIST, relative);
    if (!file.startsWith(WEB_DIST + sep)) throw new Error('outside the build');
    body = await readFile(file);
  } catch {
    const built = existsSync(join(WEB_DIST, 'index.html'));
    res.writeHead(built ? 404 : 503, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(built ? `Not found: ${pathname}` : 'The Privacy Center is not built: npm start builds it (web/ with Vite).');
    return true;
  }
  const hashed = relative.startsWith('assets/');
  res.writeHead(200, {
    ...headers,
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(body);
  return true;
}
