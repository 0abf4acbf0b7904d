import { describe, expect, it } from "vitest";
import { call } from "./helpers";

describe("GET /openapi.json", () => {
  it("documents every public endpoint from the same schemas that validate requests", async () => {
    const res = await call("GET", "/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const paths = Object.keys(res.body.paths);
    for (const path of [
      "/v1/applicants",
      "/v1/applicants/{id}",
      "/v1/applicants/{id}/client_token",
      "/v1/widget/sessions",
      "/v1/widget/verifications/{id}/complete",
      "/v1/widget/verifications/{id}",
    ]) {
      expect(paths).toContain(path);
    }
    const create = res.body.paths["/v1/applicants"].post;
    const schemaRef = create.requestBody.content["application/json"].schema.$ref as string;
    const schema = res.body.components.schemas[schemaRef.split("/").pop() as string];
    expect(schema.required).toContain("name");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["name", "address", "email", "phone", "external_id"]),
    );
  });
});

describe("GET /docs", () => {
  it("serves the API reference page under a strict CSP with an external script", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(res.body).toContain('<script type="module" src="/docs/reference.js">');
    const script = await call("GET", "/docs/reference.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toContain("javascript");
  });
});
