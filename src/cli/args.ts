// Minimal --flag value / --flag=value parsing for the sub-commands, validated
// by each command's zod schema so bad options get readable errors.
import type { z } from "zod";

export function parseFlags<S extends z.ZodType>(args: string[], schema: S): z.infer<S> {
  const raw: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith("--")) throw new Error(`unexpected argument '${arg}'`);
    const eq = arg.indexOf("=");
    if (eq > 0) raw[arg.slice(2, eq)] = arg.slice(eq + 1);
    else if (args[i + 1] !== undefined && !args[i + 1]!.startsWith("--")) raw[arg.slice(2)] = args[++i]!;
    else raw[arg.slice(2)] = true;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return parsed.data;
}
