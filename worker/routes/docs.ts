/** The generated OpenAPI document, a readable API reference page, and a health check. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import { Hono } from "hono";
import type { AppEnv } from "../env";
import { OWN_FILES_CSP } from "../pages/csp";
import { API_REFERENCE_CSS, API_REFERENCE_HTML, API_REFERENCE_JS } from "./docs-page";

const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "ownercheck API",
    version: "1.0.0",
    description:
      "Bank-account ownership verification for signup forms. Server API: secret key (role server). Widget API: the applicant's client token. Reviewer API: reviewer key or Cloudflare Access.",
  },
};

/** The reference page's script and stylesheet: cacheable for a few minutes, never content-sniffed. */
const REFERENCE_FILE_HEADERS = { "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" };

export function docsRouter(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "secretKey", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "clientToken", { type: "http", scheme: "bearer" });
  const docs = new Hono<AppEnv>();
  docs.get("/openapi.json", (c) =>
    c.json({ ...app.getOpenAPI31Document(OPENAPI_INFO), security: [{ secretKey: [] }] }),
  );
  docs.get("/docs", (c) =>
    c.html(API_REFERENCE_HTML, 200, { "Content-Security-Policy": OWN_FILES_CSP, "X-Content-Type-Options": "nosniff" }),
  );
  docs.get("/docs/reference.js", (c) =>
    c.body(API_REFERENCE_JS, 200, { ...REFERENCE_FILE_HEADERS, "Content-Type": "text/javascript; charset=utf-8" }),
  );
  docs.get("/docs/reference.css", (c) =>
    c.body(API_REFERENCE_CSS, 200, { ...REFERENCE_FILE_HEADERS, "Content-Type": "text/css; charset=utf-8" }),
  );
  docs.get("/healthz", (c) => c.json({ ok: true }));
  return docs;
}
