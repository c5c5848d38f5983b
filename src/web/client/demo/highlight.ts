// Message text with the scanner's evidence marked: findings are UTF-16
// offsets into the original text; overlapping spans are merged.
import { h, type Child } from "../dom.ts";

export type Span = { start: number; end: number; label: string };

export function mergeSpans(spans: Span[], length: number): Span[] {
  const sorted = spans.filter((s) => s.start >= 0 && s.end <= length && s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      last.end = Math.max(last.end, s.end);
      if (!last.label.split(", ").includes(s.label)) last.label += `, ${s.label}`;
    } else out.push({ ...s });
  }
  return out;
}

export function highlighted(text: string, spans: Span[]): Child[] {
  const parts: Child[] = [];
  let at = 0;
  for (const s of mergeSpans(spans, text.length)) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(h("mark", { class: "evidence", title: s.label.replace(/_/g, " ") }, text.slice(s.start, s.end)));
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
