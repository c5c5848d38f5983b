// `teammark` command dispatcher. Each sub-command lives in ./commands/<name>.ts;
// add it to the table below to make it appear in `teammark --help`.
import type { CliIO, Command } from "./command.ts";
import { commands } from "./commands/index.ts";

export function helpText(table: Record<string, Command>): string {
  const width = Math.max(...Object.keys(table).map((k) => k.length));
  const lines = Object.entries(table).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `teammark: official-account verification and anti-impersonation\n\nUsage: teammark <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun \`teammark <command> --help\` for a command's options.\n`;
}

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(helpText(commands));
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`teammark: unknown command '${name}'\n\n${helpText(commands)}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(`${command.usage.trim()}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    io.stderr.write(`teammark ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

function processIO(): CliIO {
  process.stdin.setEncoding("utf8");
  // `teammark scan < big.jsonl | head` closes the pipe early: like any Unix filter, stop quietly then.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    process.exit(0);
  });
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}
