// Reads JSON lines from a stream, one parsed object per non-empty line, with the
// line number for error messages. Used by the batch commands (scan, check-handle).
import type { CliIO } from "./command.ts";

export async function* readJsonLines(stdin: CliIO["stdin"]): AsyncGenerator<{ line: number; value: unknown; error?: string }> {
  const decoder = new TextDecoder();
  let buffer = "";
  let line = 0;
  const parse = (text: string) => {
    line++;
    if (text.trim() === "") return undefined;
    try {
      return { line, value: JSON.parse(text) as unknown };
    } catch {
      return { line, value: undefined, error: `line ${line}: not valid JSON` };
    }
  };
  for await (const chunk of stdin) {
    buffer += typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const parsed = parse(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      if (parsed) yield parsed;
    }
  }
  const last = parse(buffer);
  if (last) yield last;
}
