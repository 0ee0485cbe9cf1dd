/**
 * Health endpoints for a supervisor or a container runtime: GET /healthz is 200 while the process
 * runs; GET /readyz is 200 when an index is loaded and answers questions, else 503. In polling mode
 * they have their own small server (HEALTH_PORT on HEALTH_HOST, 127.0.0.1 by default); in webhook
 * mode they are served on the webhook port.
 */
import http from 'node:http';

/** Answers /healthz and /readyz; false (nothing sent) when the request is for another path. */
export function answerHealth(req: http.IncomingMessage, res: http.ServerResponse, ready: () => boolean): boolean {
  const reqPath = (req.url ?? '/').split('?')[0];
  if (reqPath !== '/healthz' && reqPath !== '/readyz') return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return true;
  }
  let ok = true;
  if (reqPath === '/readyz') {
    try {
      ok = ready();
    } catch {
      ok = false;
    }
  }
  res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(ok ? 'ok' : 'not ready');
  return true;
}

export interface HealthServer {
  close(): Promise<void>;
}

/** The health server of polling mode; it never keeps the process alive on its own. */
export async function startHealthServer(opts: { port: number; host: string; ready: () => boolean }): Promise<HealthServer> {
  const server = http.createServer((req, res) => {
    if (!answerHealth(req, res, opts.ready)) res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
