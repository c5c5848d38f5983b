// Structured logging: one JSON object per line. Injected so tests can capture
// lines and Workers can send them to console (which Cloudflare collects).
export type LogRecord = Record<string, unknown>;
export type Logger = { info(record: LogRecord): void; error(record: LogRecord): void };

export function jsonLogger(write: (line: string) => void = (l) => console.log(l)): Logger {
  const emit = (level: string) => (record: LogRecord) => write(JSON.stringify({ time: new Date().toISOString(), level, ...record }));
  return { info: emit("info"), error: emit("error") };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };

/** Keeps records in memory (tests assert on what was logged). */
export function memoryLogger(): Logger & { records: LogRecord[] } {
  const records: LogRecord[] = [];
  return { records, info: (r) => void records.push({ level: "info", ...r }), error: (r) => void records.push({ level: "error", ...r }) };
}
