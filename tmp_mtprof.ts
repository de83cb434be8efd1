import { MtprotoBinding } from "./src/bindings/mtproto/mtproto_binding.ts";
import { Transcript } from "./src/client/transcript.ts";
import { startMtprotoServer, startServer } from "./src/server/index.ts";

const http = await startServer();
const mt = await startMtprotoServer((http as any).state);
const b = new MtprotoBinding(
  { target: mt.url, rsaPublicKeyPem: mt.rsaPublicKeyPem },
  new (Transcript as any)(),
);
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  const n = 20;
  await Promise.all(
    Array.from({ length: n }, async () => {
      const s = b.openSession();
      await s
        .call({ _: "help.getConfig" }, { layer: 1, role: "A" })
        .catch((e) => console.log(String(e).slice(0, 200)));
    }),
  );
  const t1 = performance.now();
  const s = b.openSession();
  await s.call({ _: "help.getConfig" }, { layer: 1, role: "A" }).catch(() => {});
  const t2 = performance.now();
  for (let i = 0; i < 50; i++) await s.call({ _: "help.getConfig" }, { layer: 1, role: "A" }).catch(() => {});
  const t3 = performance.now();
  console.log(
    `20 keys at once ${(t1 - t0).toFixed(0)} ms; one key ${(t2 - t1).toFixed(1)} ms; call ${((t3 - t2) / 50).toFixed(2)} ms`,
  );
}
b.close();
await mt.close();
await http.close();
