// The two shapes every route declaration repeats: a required JSON request body
// and a JSON answer. Generic, so @hono/zod-openapi still infers the handler's
// input and output types from the schema passed in.
export const jsonBody = <S>(schema: S) => ({ required: true as const, content: { "application/json": { schema } } });

export const jsonAnswer = <S>(description: string, schema: S) => ({ description, content: { "application/json": { schema } } });

/** What any route taking a JSON body may answer before its handler runs (for problemResponses). */
export const BODY_PROBLEMS = ["validation-failed", "payload-too-large", "unsupported-media-type"] as const;
