/** Assembles the ownercheck worker: middleware, one router per audience, one error handler; exports fetch + scheduled. */
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { createDb } from "./db/client";
import { createRouter } from "./lib/create-router";
import { ApiError, type ErrorBody } from "./lib/errors";
import { logEvent } from "./lib/log";
import { applicantsRouter } from "./routes/applicants";
import { docsRouter } from "./routes/docs";
import { pagesRouter } from "./routes/pages";
import { reviewsRouter } from "./routes/reviews";
import { sandboxRouter } from "./routes/sandbox";
import { webhooksRouter } from "./routes/webhooks";
import { widgetRouter } from "./routes/widget";
import { runScheduled } from "./verification/scheduled";

const app = createRouter();

app.use("*", requestId());
app.use("*", async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("selfFetch", async (request: Request) => app.fetch(request, c.env, c.executionCtx));
  await next();
});

app.route("/", applicantsRouter);
app.route("/", widgetRouter);
app.route("/", webhooksRouter);
app.route("/", reviewsRouter);
app.route("/", sandboxRouter);
app.route("/", pagesRouter);
app.route("/", docsRouter(app));

app.notFound((c) => {
  const body: ErrorBody = {
    error: {
      type: "invalid_request_error",
      code: "route_not_found",
      message: `Unrecognized request URL (${c.req.method}: ${new URL(c.req.url).pathname}).`,
      param: null,
    },
  };
  return c.json(body, 404);
});

app.onError((err, c) => {
  if (err instanceof ApiError) return c.json(err.toBody(), err.status);
  if (err instanceof HTTPException) {
    const status = err.status;
    const type =
      status === 401 ? "authentication_error" : status === 403 ? "permission_error" : "invalid_request_error";
    const code = status === 413 ? "body_too_large" : status === 401 ? "invalid_api_key" : "invalid_request";
    const message = err.message || (status === 413 ? "Request body is too large." : "Invalid request.");
    return c.json({ error: { type, code, message, param: null } } satisfies ErrorBody, status);
  }
  // Never echo a dependency's message: Stripe and D1 errors can carry PII or internals.
  logEvent("unhandled_error", { request_id: c.get("requestId"), error_name: err.name });
  const body: ErrorBody = {
    error: { type: "api_error", code: "internal_error", message: "An internal error occurred.", param: null },
  };
  return c.json(body, 500);
});

export { app };

export default {
  fetch: app.fetch,
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, (request) => Promise.resolve(app.fetch(request, env, ctx))));
  },
} satisfies ExportedHandler<Env>;
