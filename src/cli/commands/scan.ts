// `teammark scan`: JSON lines {"id","text","sender_official"?,"sender_handle"?,"reader_lang"?} on stdin →
// {"id","labels","risk","findings"} per line on stdout (other input fields are ignored).
import type { Command } from "../command.ts";
import { readJsonLines } from "../jsonl.ts";
import { createScanner } from "../../scan/scanner.ts";
import { MAX_SCAN_TEXT_BYTES } from "../../scan/limits.ts";

const PROGRESS_EVERY = 1000;

export const scanCommand: Command = {
  summary: "scan messages (JSON lines on stdin) for off-platform lures, payment and data requests, remote access, lookalike links and fake staff",
  usage: `teammark scan [--warning] < messages.jsonl

Reads one JSON object per line, {"id": "...", "text": "...", "sender_official"?: bool,
"sender_handle"?: "...", "reader_lang"?: "de"}, and writes {"id", "labels", "risk",
"findings"} per line (with --warning also the reader's warning). Offline: no database.
Texts over ${MAX_SCAN_TEXT_BYTES} bytes (UTF-8) are reported on stderr and skipped.`,
  async run(args, io) {
    const withWarning = args.includes("--warning");
    const scanner = createScanner();
    const encoder = new TextEncoder();
    let n = 0;
    let bad = 0;
    for await (const line of readJsonLines(io.stdin)) {
      const v = line.value as { id?: unknown; text?: unknown; sender_official?: unknown; sender_handle?: unknown; reader_lang?: unknown } | undefined;
      if (line.error || !v || typeof v !== "object" || typeof v.text !== "string") {
        bad++;
        io.stderr.write(`${line.error ?? `line ${line.line}: expected {"id", "text"}`}\n`);
        continue;
      }
      if (encoder.encode(v.text).length > MAX_SCAN_TEXT_BYTES) {
        bad++;
        io.stderr.write(`line ${line.line}: text is over ${MAX_SCAN_TEXT_BYTES} bytes\n`);
        continue;
      }
      const r = scanner.scan(v.text, {
        senderOfficial: v.sender_official === true,
        ...(typeof v.sender_handle === "string" ? { senderHandle: v.sender_handle } : {}),
        ...(typeof v.reader_lang === "string" ? { readerLang: v.reader_lang } : {}),
      });
      const out: Record<string, unknown> = { id: v.id ?? null, labels: r.labels, risk: r.risk, findings: r.findings };
      if (withWarning) out.warning = r.warning;
      io.stdout.write(JSON.stringify(out) + "\n");
      if (++n % PROGRESS_EVERY === 0) io.stderr.write(`scanned ${n} messages\n`);
    }
    io.stderr.write(`scanned ${n} messages with ${scanner.info.languages.length} lexicons${bad ? `; ${bad} bad lines` : ""}\n`);
    return bad > 0 && n === 0 ? 1 : 0;
  },
};
