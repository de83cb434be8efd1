// Starts the reference server in a child process (the benchmark's client must not share its
// event loop) and gives back its URL, and for the per-call benchmarks two signed-up accounts,
// A having B's number.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface BenchTarget {
  url: string;
  a: { key: string; id: number };
  b: { key: string; id: number };
  stop(): void;
}

async function rpc(url: string, key: string, body: object): Promise<Record<string, unknown>> {
  const answer = await fetch(`${url}/rpc`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await answer.json()) as Record<string, unknown>;
}

async function signUp(
  url: string,
  digit: number,
  suffix: string,
): Promise<{ key: string; id: number; phone: string }> {
  const key = randomBytes(32).toString("hex");
  const phone = `99966${digit}${suffix}`;
  const sent = await rpc(url, key, {
    _: "auth.sendCode",
    phone_number: phone,
    sms_type: 0,
    api_id: 1,
    api_hash: "bench",
  });
  const signed = await rpc(url, key, {
    _: "auth.signUp",
    phone_number: phone,
    phone_code_hash: sent.phone_code_hash,
    phone_code: String(digit).repeat(5),
    first_name: "Bench",
    last_name: "",
  });
  return { key, id: (signed.user as { id: number }).id, phone };
}

export interface ServerProcess {
  url: string;
  stop(): void;
}

/** The reference server alone, fresh, in a child process. */
export async function startServerProcess(): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "server", "--port", "0"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (d: Buffer) => resolve(d.toString().split("\n")[0] ?? ""));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

export async function startBenchTarget(): Promise<BenchTarget> {
  const { url, stop } = await startServerProcess();
  const a = await signUp(url, 1, "0001");
  const b = await signUp(url, 2, "0002");
  await rpc(url, a.key, {
    _: "contacts.importContacts",
    contacts: [{ _: "inputPhoneContact", client_id: "1", phone: b.phone, first_name: "B", last_name: "" }],
    replace: false,
  });
  return { url, a, b, stop };
}
