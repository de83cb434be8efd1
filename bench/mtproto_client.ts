// The strict MTProto client's costs against the reference server's MTProto front end (in this
// process, loopback): a new auth key (the whole exchange, and the client's own parts of it:
// factoring pq, RSA_PAD, g_b and the shared key), and a call on a ready session, per transport.
// Medians of repeated rounds. Run: node --import tsx bench/mtproto_client.ts
import { randomBytes } from "node:crypto";
import { rsaPadEncrypt, rsaPublicKey } from "../src/bindings/mtproto/crypto.ts";
import { clientDh, KNOWN_DH_PRIME_HEX, nativeDh } from "../src/bindings/mtproto/dh.ts";
import { factorPq } from "../src/bindings/mtproto/factor.ts";
import { MtprotoBinding } from "../src/bindings/mtproto/mtproto_binding.ts";
import { TRANSPORTS } from "../src/bindings/mtproto/transport.ts";
import { Transcript } from "../src/client/index.ts";
import { startMtprotoServer } from "../src/server/front_ends/mtproto/index.ts";
import { createServerState } from "../src/server/index.ts";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const time = (f: () => void, n: number) =>
  median(
    Array.from({ length: n }, () => {
      const t = performance.now();
      f();
      return performance.now() - t;
    }),
  );

const server = await startMtprotoServer(createServerState());
const key = rsaPublicKey(server.rsaPublicKeyPem);
const prime = Buffer.from(KNOWN_DH_PRIME_HEX, "hex");
const t0 = performance.now();
const dh = nativeDh(prime, 3);
const firstDh = performance.now() - t0;
dh.setPrivateKey(randomBytes(256));
const gA = dh.generateKeys();
// A pq as the reference server makes them: two ~31-bit primes.
const pq = 1724114033281923457n;
const lines = [
  `first DiffieHellman object of the known prime (checks it, once a process): ${firstDh.toFixed(0)} ms`,
  `factor a 61-bit pq: ${time(() => factorPq(pq), 21).toFixed(2)} ms`,
  `RSA_PAD encrypt: ${time(() => rsaPadEncrypt(randomBytes(144), key), 51).toFixed(2)} ms`,
  `g_b and the auth key (native): ${time(() => clientDh(prime, 3, gA), 51).toFixed(2)} ms`,
];
for (const transport of TRANSPORTS) {
  const binding = new MtprotoBinding(
    { target: server.url, rsaPublicKeyPem: server.rsaPublicKeyPem, transport, timeoutMs: 10_000 },
    new Transcript(),
  );
  const handshakes: number[] = [];
  const calls: number[] = [];
  for (let round = 0; round < 21; round += 1) {
    const session = binding.openSession();
    let t = performance.now();
    await session.call({ _: "updates.getState" }, { layer: 1, role: "A" });
    handshakes.push(performance.now() - t);
    for (let i = 0; i < 20; i += 1) {
      t = performance.now();
      await session.call({ _: "updates.getState" }, { layer: 3, role: "A" });
      calls.push(performance.now() - t);
    }
  }
  binding.close();
  lines.push(
    `${transport}: first call with a new auth key ${median(handshakes).toFixed(1)} ms, a call on the session ${median(calls).toFixed(3)} ms`,
  );
}
await server.close();
process.stdout.write(`${lines.join("\n")}\n`);
