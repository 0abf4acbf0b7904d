/**
 * The API reference page: static HTML + a small script that renders /openapi.json (so the page can never drift
 * from the schemas). External script and stylesheet only, so it works under a strict CSP.
 */
export const API_REFERENCE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ownercheck API reference</title>
<link rel="stylesheet" href="/docs/reference.css">
<script type="module" src="/docs/reference.js"></script>
</head>
<body>
<header><h1>ownercheck API reference</h1><p>Generated from <a href="/openapi.json">/openapi.json</a>. Errors are always <code>{ "error": { "type", "code", "message", "param" } }</code>.</p></header>
<main id="reference" aria-live="polite">Loading…</main>
</body>
</html>`;

export const API_REFERENCE_CSS = `
:root { color-scheme: light dark; font-family: system-ui, sans-serif; line-height: 1.45; }
body { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #8884; }
section.op { border: 1px solid #8884; border-radius: 8px; padding: .75rem 1rem; margin: 1rem 0; }
.method { font: 700 .8rem ui-monospace, monospace; padding: .1rem .45rem; border-radius: 4px; background: #2563eb; color: #fff; text-transform: uppercase; }
.method.get { background: #059669; } .method.delete { background: #dc2626; }
code, pre { font-family: ui-monospace, monospace; font-size: .85rem; }
pre { background: #8881; padding: .6rem; border-radius: 6px; overflow-x: auto; }
table { border-collapse: collapse; } td, th { text-align: left; padding: .15rem .6rem .15rem 0; vertical-align: top; }
`;

export const API_REFERENCE_JS = `
const el = (tag, attrs = {}, ...kids) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const kid of kids) node.append(kid);
  return node;
};
const resolve = (doc, schema) => (schema && schema.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema);
const describe = (doc, schema, depth = 0) => {
  schema = resolve(doc, schema);
  if (!schema || depth > 3) return "…";
  if (schema.type === "object" && schema.properties) {
    const req = new Set(schema.required || []);
    return "{ " + Object.entries(schema.properties).map(([k, v]) => k + (req.has(k) ? "" : "?") + ": " + describe(doc, v, depth + 1)).join(", ") + " }";
  }
  if (schema.type === "array") return describe(doc, schema.items, depth + 1) + "[]";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map((s) => describe(doc, s, depth + 1)).join(" | ");
  return Array.isArray(schema.type) ? schema.type.join(" | ") : schema.type || "any";
};
const doc = await (await fetch("/openapi.json")).json();
const main = document.getElementById("reference");
main.textContent = "";
const byTag = new Map();
for (const [path, ops] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const tag = (op.tags && op.tags[0]) || "Other";
    if (!byTag.has(tag)) byTag.set(tag, []);
    byTag.get(tag).push({ path, method, op });
  }
}
for (const [tag, ops] of byTag) {
  main.append(el("h2", {}, tag));
  for (const { path, method, op } of ops) {
    const section = el("section", { class: "op", id: method + path.replace(/[^a-z0-9]+/gi, "-") });
    section.append(el("h3", {}, el("span", { class: "method " + method }, method), " ", el("code", {}, path)));
    if (op.summary) section.append(el("p", {}, op.summary));
    const params = op.parameters || [];
    if (params.length) {
      const table = el("table", {}, el("tr", {}, el("th", {}, "Parameter"), el("th", {}, "In"), el("th", {}, "Type")));
      for (const p of params) table.append(el("tr", {}, el("td", {}, el("code", {}, p.name)), el("td", {}, p.in), el("td", {}, describe(doc, p.schema))));
      section.append(table);
    }
    const body = op.requestBody && op.requestBody.content && op.requestBody.content["application/json"];
    if (body) section.append(el("p", {}, "Body: "), el("pre", {}, describe(doc, body.schema)));
    for (const [status, res] of Object.entries(op.responses || {})) {
      const schema = res.content && res.content["application/json"] && res.content["application/json"].schema;
      section.append(el("p", {}, el("strong", {}, status), " " + (res.description || "")));
      if (schema && status.startsWith("2")) section.append(el("pre", {}, describe(doc, schema)));
    }
    main.append(section);
  }
}
`;
