// The table of `teammark` sub-commands (one import and one line per command).
import type { Command } from "../command.ts";

export const commands: Record<string, Command> = {};
