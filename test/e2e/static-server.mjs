// Serves a copy of the production build on 127.0.0.1, the way a static host would:
// real MIME types, index.html for unknown app routes, no caching. Tests can replace a file's
// body for a while (a new sw.js is a new version of the app) and put it back with reset().
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * @param {string} distDir the built app; it is copied, never served in place, so a rebuild
 *   during a run cannot change what the browser sees halfway through.
 */
export async function startStaticServer(distDir) {
  const root = mkdtempSync(join(tmpdir(), 'cpni-e2e-site-'));
  cpSync(distDir, root, { recursive: true });
  /** @type {Map<string, { status: number, body: string | Buffer }>} */
  const overrides = new Map();

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const headers = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    const override = overrides.get(path);
    if (override) {
      const type = MIME[extname(path)] ?? 'application/octet-stream';
      res.writeHead(override.status, { ...headers, 'Content-Type': type });
      res.end(req.method === 'HEAD' ? undefined : override.body);
      return;
    }
    let file = resolveFile(root, path);
    // App routes (/clients/123) have no file: hand them index.html, as the service worker does.
    if (!file && !extname(path)) file = join(root, 'index.html');
    if (!file) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      ...headers,
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('The static server has no port.');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    origin,
    root,
    /** The file as built (ignores overrides). */
    read(path) {
      return readFileSync(join(root, path.replace(/^\//, '')), 'utf8');
    },
    /** Serve `body` (or a bare status) at `path` until reset(). */
    override(path, body, status = 200) {
      overrides.set(path, { status, body });
    },
    reset() {
      overrides.clear();
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function resolveFile(root, urlPath) {
  const relative = normalize(urlPath === '/' ? '/index.html' : urlPath).replace(/^[/\\]+/, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    return statSync(full).isFile() ? full : undefined;
  } catch {
    return undefined;
  }
}
