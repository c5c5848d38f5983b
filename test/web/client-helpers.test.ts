// The pure helpers of the browser code: evidence spans, PATCH bodies and the
// audit log's "what changed" lines.
import { expect, test } from "vitest";
import { mergeSpans } from "../../src/web/client/demo/highlight.ts";
import { changedFields } from "../../src/web/client/console/records.ts";
import { changes } from "../../src/web/client/console/audit.ts";

test("overlapping and touching findings become one marked span with both labels; spans outside the text are dropped", () => {
  const spans = mergeSpans(
    [
      { start: 10, end: 20, label: "payment_request" },
      { start: 0, end: 4, label: "impersonation" },
      { start: 15, end: 25, label: "off_platform" },
      { start: 25, end: 28, label: "off_platform" },
      { start: 40, end: 99, label: "suspicious_link" },
      { start: 5, end: 5, label: "empty" },
    ],
    50,
  );
  expect(spans).toEqual([
    { start: 0, end: 4, label: "impersonation" },
    { start: 10, end: 28, label: "payment_request, off_platform" },
  ]);
});

test("a PATCH carries only the fields that changed, nested objects compared by value", () => {
  const current: Record<string, unknown> = { team: "Social", purpose: { en: "Updates" }, status: "active", handle: "Fiverr-Social" };
  expect(changedFields(current, { team: "Social", purpose: { en: "Updates" }, status: "suspended" })).toEqual({ status: "suspended" });
  expect(changedFields(current, { purpose: { en: "Updates", de: "Neuigkeiten" } })).toEqual({ purpose: { en: "Updates", de: "Neuigkeiten" } });
  expect(changedFields(current, { handle: "Fiverr-Social" })).toEqual({});
});

test("audit lines name changed fields and skip bookkeeping", () => {
  expect(changes({ team: "A", version: 1, updatedAt: "x" }, { team: "B", version: 2, updatedAt: "y" })).toEqual(["team: A → B"]);
  expect(changes(null, { handle: "new", status: "active" })).toEqual(["created"]);
  expect(changes({ purpose: { en: "a" } }, { purpose: { en: "b" } })).toEqual(['purpose: {"en":"a"} → {"en":"b"}']);
});
