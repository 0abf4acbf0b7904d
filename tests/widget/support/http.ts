/** Tiny HTTP servers for tests: a host site on one origin, a stub or real API on another. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface TestServer {
  /** e.g. http://localhost:41234 */
  origin: string;
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1:<random port>. `hostname` picks how the origin is spelled: `localhost` and `127.0.0.1` are
 * different sites to the browser, which is what a host page and the API are in production.
 */
export async function startServer(
  handler: Handler,
  hostname: "localhost" | "127.0.0.1" = "127.0.0.1",
  port = 0,
): Promise<TestServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Length": Buffer.byteLength(body).toString(), ...headers });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  send(res, status, JSON.stringify(body), { "Content-Type": "application/json", ...headers });
}
