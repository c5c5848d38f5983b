// `teammark serve`: the Node server (same as `npm start`).
import type { Command } from "../command.ts";

export const serveCommand: Command = {
  summary: "start the HTTP server (embedded database by default)",
  usage: `teammark serve

Configured by environment variables (PORT, HOST, DATABASE_URL, DATA_DIR, …); see README.`,
  async run(_args, io) {
    // Loaded here, not at the top: every `teammark` command loads this table, and only serve needs the server.
    const { startNodeServer } = await import("../../node.ts");
    const running = await startNodeServer(io.env);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await running.close();
    return 0;
  },
};
