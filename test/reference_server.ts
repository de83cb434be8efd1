// The reference server for one test file: started before its tests, closed after them (with
// the client's connections), its URL read once it is up.
import { after, before } from "node:test";
import { closeAgents } from "../src/client/index.ts";
import { startServer } from "../src/server/index.ts";

export function referenceServerForFile(): { url(): string } {
  let server: { url: string; close(): Promise<void> } | undefined;
  before(async () => {
    server = await startServer({});
  });
  after(async () => {
    await closeAgents();
    await server?.close();
  });
  return {
    url() {
      if (!server) throw new Error("the reference server is started before the file's tests");
      return server.url;
    },
  };
}
