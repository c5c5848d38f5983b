// A self-contained API reference page rendered from the OpenAPI document, so
// /docs works offline and can never drift from the routes.
import { html, raw } from "hono/html";
import { problemCodes, PROBLEM_BASE } from "./problem.ts";

type Schema = Record<string, unknown>;
type Operation = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
};
type Doc = { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const refName = (s?: Schema) => (s && typeof s.$ref === "string" ? s.$ref.split("/").pop() : undefined);

export function renderDocsPage(doc: Doc) {
  const byTag = new Map<string, { method: string; path: string; op: Operation }[]>();
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, op }]);
    }
  }
  const schemaLink = (s?: Schema) => {
    const name = refName(s);
    return name ? html`<a href="#schema-${name}">${name}</a>` : html`<code>${JSON.stringify(s ?? {})}</code>`;
  };
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${doc.info.title} API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
h2{border-bottom:1px solid #ddd;padding-bottom:.3rem;margin-top:2.5rem}
.op{border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin:.8rem 0}
.m{display:inline-block;min-width:4.5rem;font-weight:700;text-transform:uppercase}
.get{color:#0a6e31}.post{color:#0b4f9c}.patch{color:#8a5a00}.delete{color:#a11}
code,pre{font:13px ui-monospace,monospace;background:#f5f6f8;border-radius:4px;padding:.1rem .3rem}
pre{padding:.6rem;overflow:auto}table{border-collapse:collapse}td,th{padding:.2rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.lock{font-size:12px;background:#fff3cd;border-radius:4px;padding:0 .3rem}
</style></head>
<body>
<h1>${doc.info.title} <small>${doc.info.version}</small></h1>
<p>${doc.info.description ?? ""}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1). Errors are <code>application/problem+json</code> (RFC 9457); see <a href="#problems">problem types</a>.</p>
${[...byTag].map(
  ([tag, ops]) => html`<h2>${tag}</h2>
${ops.map(
  ({ method, path, op }) => html`<div class="op" id="${method}-${path}">
<div><span class="m ${method}">${method}</span> <code>${path}</code> ${op.security?.length ? html`<span class="lock">bearer token</span>` : ""}</div>
<div>${op.summary ?? ""}</div>
${op.parameters?.length
  ? html`<table><tr><th>parameter</th><th>in</th><th>required</th><th>description</th></tr>${op.parameters.map(
      (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${p.required ? "yes" : "no"}</td><td>${p.description ?? ""}</td></tr>`,
    )}</table>`
  : ""}
${op.requestBody?.content ? html`<div>Body: ${Object.entries(op.requestBody.content).map(([type, c]) => html`<code>${type}</code> ${schemaLink(c.schema)}`)}</div>` : ""}
<div>Responses: ${Object.entries(op.responses ?? {}).map(
    ([status, r]) => html`<code>${status}</code> ${r.description ?? ""}${r.content ? html` (${Object.values(r.content).map((c) => schemaLink(c.schema))})` : ""}; `,
  )}</div>
</div>`,
)}`,
)}
<h2 id="schemas">Schemas</h2>
${Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => html`<h3 id="schema-${name}">${name}</h3><pre>${JSON.stringify(s, null, 2)}</pre>`)}
<h2 id="problems">Problem types</h2>
<table><tr><th>type</th><th>status</th><th>title</th></tr>
${Object.entries(problemCodes).map(([code, p]) => html`<tr><td><code>${raw(PROBLEM_BASE)}${code}</code></td><td>${p.status}</td><td>${p.title}</td></tr>`)}
</table>
</body></html>`;
}
