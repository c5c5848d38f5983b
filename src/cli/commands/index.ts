// The table of `teammark` sub-commands (one import and one line per command).
import type { Command } from "../command.ts";
import { migrateCommand } from "./migrate.ts";
import { serveCommand } from "./serve.ts";
import { tokenCommand } from "./token.ts";
import { checkHandleCommand } from "./check-handle.ts";
import { keysCommand } from "./keys.ts";
import { scanCommand } from "./scan.ts";

export const commands: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  token: tokenCommand,
  "check-handle": checkHandleCommand,
  keys: keysCommand,
  scan: scanCommand,
};
