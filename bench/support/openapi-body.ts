// Request bodies shaped from the served OpenAPI document, so the bench and the
// load script keep working whatever field names the badge routes settle on.
export type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components?: { schemas?: Record<string, Schema> };
};
type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; required?: string[] };

function resolve(doc: OpenApi, s: Schema | undefined): Schema | undefined {
  return s?.$ref ? doc.components?.schemas?.[s.$ref.split("/").pop()!] : s;
}

/** A batch of senders in whatever shape the route declares: handles, or {handle} / {userId} objects. */
export function batchBody(doc: OpenApi, path: string, senders: string[]): unknown {
  const schema = resolve(doc, doc.paths[path]?.post?.requestBody?.content?.["application/json"]?.schema);
  const [field, arr] = Object.entries(schema?.properties ?? {}).find(([, p]) => resolve(doc, p)?.type === "array") ?? ["senders", undefined];
  const item = resolve(doc, resolve(doc, arr)?.items);
  const entries = item?.properties
    ? senders.map((h) => ("handle" in item.properties! ? { handle: h } : { [Object.keys(item.properties!)[0]!]: h }))
    : senders;
  return { [field]: entries };
}
