import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server for tests that need "the web": node:http on 127.0.0.1, a random port,
 * a route table. Used by the fetcher tests and reusable for feed and page fixtures. It records
 * every request and counts requests in flight, so tests can check concurrency and politeness.
 *
 * @example
 * const server = await startFixtureServer({ '/feed.xml': { headers: { 'content-type': 'application/rss+xml' }, body: xml } });
 * const res = await fetch(server.url('/feed.xml'));
 * await server.close();
 */

/** A fixed answer. */
export interface StaticRoute {
  status?: number;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  /** Real delay before answering, ms (use sparingly: tests must stay fast). */
  delayMs?: number;
}

/** What a handler gets beside req/res. */
export interface RouteContext {
  /** How many times this route was hit, this request included (1-based). */
  hit: number;
  server: FixtureServer;
}

/** A custom answer. May be async; errors become a 500. */
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
) => void | Promise<void>;

/** A route: a fixed answer or a handler. */
export type Route = StaticRoute | RouteHandler;

/** One request as the server saw it. */
export interface FixtureRequest {
  method: string;
  /** Path with query string. */
  path: string;
  headers: IncomingMessage['headers'];
  /** `now()` when the request arrived (the injected clock when given). */
  at: number;
}

/** The running server. */
export interface FixtureServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Absolute URL for a path on this server. */
  url(path: string): string;
  /** Adds or replaces a route (matched on the path with query first, then the path alone); resets its hit count. */
  route(path: string, route: Route): void;
  /** Every request so far, in arrival order. */
  requests: FixtureRequest[];
  /** Requests for one path so far; a path without `?` also counts requests with a query string. */
  hits(path: string): number;
  /** Requests being answered now, and the most at once since start/reset. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** Clears `requests`, hit counts and `maxInFlight`. */
  reset(): void;
  /** Stops the server and drops open connections (hanging routes included). */
  close(): Promise<void>;
}

/** Options of {@link startFixtureServer}. */
export interface FixtureServerOptions {
  /** Clock for `FixtureRequest.at` (e.g. a test's fake clock). Default Date.now. */
  now?: () => number;
}

/** Starts a fixture server on 127.0.0.1 with a random free port. */
export async function startFixtureServer(
  routes: Record<string, Route> = {},
  options: FixtureServerOptions = {},
): Promise<FixtureServer> {
  const table = new Map(Object.entries(routes));
  const counts = new Map<string, number>();
  const now = options.now ?? Date.now;
  let inFlight = 0;
  let maxInFlight = 0;

  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const pathname = path.split('?')[0] ?? path;
    fixture.requests.push({ method: req.method ?? 'GET', path, headers: req.headers, at: now() });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => {
      inFlight -= 1;
    });
    const key = table.has(path) ? path : pathname;
    const route = table.get(key);
    const hit = (counts.get(key) ?? 0) + 1;
    counts.set(key, hit);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve()
      .then(() =>
        typeof route === 'function' ? route(req, res, { hit, server: fixture }) : answer(res, route),
      )
      .catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(err));
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const fixture: FixtureServer = {
    origin,
    port,
    url: (path) => new URL(path, origin).href,
    route: (path, route) => {
      table.set(path, route);
      counts.delete(path); // a new route starts its own hit count (sequence() relies on it)
    },
    requests: [],
    hits: (path) => fixture.requests.filter((r) => r.path === path || r.path.split('?')[0] === path).length,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    reset: () => {
      fixture.requests.length = 0;
      counts.clear();
      maxInFlight = inFlight;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
  return fixture;
}

async function answer(res: ServerResponse, route: StaticRoute): Promise<void> {
  if (route.delayMs) await new Promise((r) => setTimeout(r, route.delayMs));
  const body = route.body ?? '';
  res.writeHead(route.status ?? 200, {
    'content-type': 'text/plain; charset=utf-8',
    ...route.headers,
  });
  res.end(body);
}

/** A route that redirects to `location` (relative or absolute) with `status` (302 default). */
export function redirectTo(location: string, status = 302): StaticRoute {
  return { status, headers: { location }, body: '' };
}

/** A route that answers its n-th hit with `steps[n-1]`; the last step repeats. */
export function sequence(...steps: Route[]): RouteHandler {
  return (req, res, ctx) => {
    const step = steps[Math.min(ctx.hit, steps.length) - 1];
    if (!step) throw new Error('sequence() needs at least one step');
    return typeof step === 'function' ? step(req, res, ctx) : answer(res, step);
  };
}

/** A route that never answers (the socket stays open until the client gives up or close()). */
export function hang(): RouteHandler {
  return () => undefined;
}
