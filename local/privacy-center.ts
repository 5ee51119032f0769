// The web build (web/) on the local desk: built with Vite when its sources are newer than the build,
// and served by the gateway with the same headers CloudFront sends: the Privacy Center under /privacy/,
// the desk console under /desk/, and the build's root files (config.json, assets/) at the root, where
// the console finds them as ../config.json and ../assets/ as it does on CloudFront.
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy, PRIVACY_CENTER_HEADERS } from '../web/security-headers';

export const PRIVACY_CENTER_PATH = '/privacy/';
export const DESK_CONSOLE_PATH = '/desk/';
const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));
export const WEB_DIST = join(WEB_ROOT, 'dist');
/** Sources outside web/ that the build reads (the server's words modules and its contract), so editing them rebuilds too. */
const SHARED_SOURCES = [fileURLToPath(new URL('../functions/', import.meta.url))];

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
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((f) => f !== 'dist' && !f.startsWith('.build-'))
      .map((f) => newestSource(join(path, f))),
  );
}

/** Builds web/ into web/dist unless the build is newer than every source; says whether it built. */
export async function buildPrivacyCenter(): Promise<boolean> {
  const index = join(WEB_DIST, 'index.html');
  if (
    existsSync(index) &&
    existsSync(join(WEB_DIST, 'desk', 'index.html')) &&
    statSync(index).mtimeMs >= Math.max(newestSource(WEB_ROOT), ...SHARED_SOURCES.map(newestSource))
  )
    return false;
  const { build } = await import('vite');
  // Built aside and moved in whole, so a page is never served half-built and two desks starting at
  // once do not write over each other.
  const staging = join(WEB_ROOT, `.build-${randomUUID().slice(0, 8)}`);
  try {
    await build({
      configFile: join(WEB_ROOT, 'vite.config.ts'),
      build: { outDir: staging, emptyOutDir: true },
      logLevel: 'warn',
    });
    await rm(WEB_DIST, { recursive: true, force: true });
    await rename(staging, WEB_DIST).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return true;
}

/** The build's files at the root of the local desk; `/` itself is the landing page. */
const ROOT_FILES = /^\/(?:config\.json|favicon\.svg|assets\/.+)$/;

/** Where a path is in the build, relative to it (still %-encoded); undefined when it is not the build's. */
function buildPath(pathname: string): string | undefined {
  if (pathname.startsWith(PRIVACY_CENTER_PATH)) return pathname.slice(PRIVACY_CENTER_PATH.length);
  if (pathname.startsWith(DESK_CONSOLE_PATH)) return `desk/${pathname.slice(DESK_CONSOLE_PATH.length)}`;
  if (ROOT_FILES.test(pathname)) return pathname.slice(1);
  return undefined;
}

/** Answers GET for the web build's pages and files; false when the path is not the build's. */
export async function serveWebBuild(pathname: string, res: ServerResponse): Promise<boolean> {
  for (const folder of [PRIVACY_CENTER_PATH, DESK_CONSOLE_PATH]) {
    if (pathname === folder.slice(0, -1)) {
      res.writeHead(301, { location: folder });
      res.end();
      return true;
    }
  }
  const inBuild = buildPath(pathname);
  if (inBuild === undefined) return false;
  const headers = { ...PRIVACY_CENTER_HEADERS, 'content-security-policy': contentSecurityPolicy() };
  let relative = '';
  let file = '';
  let body: Buffer;
  try {
    relative = decodeURIComponent(inBuild);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    file = resolve(WEB_DIST, relative);
    if (!file.startsWith(WEB_DIST + sep)) throw new Error('outside the build');
    body = await readFile(file);
  } catch {
    const built = existsSync(join(WEB_DIST, 'index.html'));
    res.writeHead(built ? 404 : 503, {
      ...headers,
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(built ? `Not found: ${pathname}` : 'The web pages are not built: npm start builds them (web/ with Vite).');
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
