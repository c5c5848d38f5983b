// From the rules' raw findings to the scan result: one finding per label and place, the labels, the
// risk; and, before the rules, which cues stand in the message's sentences rather than inside a link.
// Each step is linear or n log n in what a long message has (80 cues, dozens of raw findings).
import { transformNames } from "./normalize.ts";
import type { RuleFinding } from "./rules/index.ts";
import { indexOf } from "./rules/text.ts";
import type { Finding, Risk, ScanLabel } from "./types.ts";
import { SCAN_LABELS } from "./types.ts";

type Span = { start: number; end: number };

const SEVERE: ScanLabel[] = ["impersonation", "suspicious_link", "personal_data", "remote_access", "payment_request"];

/**
 * The items (cues) that no span (link or address) contains. The spans sorted by start, each with the furthest
 * end so far: an item is inside one iff the spans starting at or before it reach its end.
 */
export function outsideSpans<T extends Span>(items: T[], spans: Span[]): T[] {
  if (spans.length === 0) return items;
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  const starts = sorted.map((s) => s.start);
  const reach: number[] = [];
  let furthest = -Infinity;
  for (const s of sorted) reach.push((furthest = Math.max(furthest, s.end)));
  return items.filter((c) => {
    const k = indexOf(starts, c.start) - 1; // the last link starting at or before the cue
    return k < 0 || reach[k]! < c.end;
  });
}

/** One finding per label and place: overlapping findings of a label keep the strongest rule. */
export function toFindings(text: string, raw: RuleFinding[]): Finding[] {
  if (raw.length === 0) return [];
  const out: Finding[] = [];
  for (const r of raw) {
    let start = Infinity;
    let end = -Infinity;
    let flags = 0;
    for (const s of r.spans) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
      flags |= s.flags;
    }
    // The first kept finding of the label that overlaps (a message keeps a handful: a scan of them all is enough).
    let clash = -1;
    for (let k = 0; k < out.length && clash < 0; k++) if (out[k]!.label === r.label && out[k]!.start < end && start < out[k]!.end) clash = k;
    // Built only when kept: a long message has many overlapping raw findings of one label.
    if (clash < 0) out.push(finding(text, r, start, end, flags));
    else if (out[clash]!.score < r.score) out[clash] = finding(text, r, start, end, flags);
  }
  return out.sort((x, y) => x.start - y.start || y.score - x.score);
}

function finding(text: string, r: RuleFinding, start: number, end: number, flags: number): Finding {
  return { label: r.label, start, end, matched: text.slice(start, end), normalized: r.normalized, rule: r.rule, score: r.score, transforms: flags === 0 ? [] : transformNames(flags) };
}

/** The labels found, in SCAN_LABELS order. */
export function labelsOf(findings: Finding[]): ScanLabel[] {
  if (findings.length === 0) return [];
  return SCAN_LABELS.filter((l) => findings.some((f) => f.label === l));
}

export function riskOf(findings: Finding[]): Risk {
  if (findings.length === 0) return "none";
  let top = -Infinity;
  for (const f of findings) top = Math.max(top, f.score);
  if (top >= 0.8 && findings.some((f) => SEVERE.includes(f.label) && f.score >= 0.75)) return "high";
  if (top >= 0.6) return "medium";
  return "low";
}
