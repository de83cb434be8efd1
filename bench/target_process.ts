// Starts the reference server in a child process (the benchmark's client must not share its
// event loop) and gives back its URL, its pid (for its RSS) and two signed-up accounts, A having
// B's number. BENCH_SERVER_ROOT names another checkout whose server is measured instead (the
// "before" figures of docs/performance.md); `args` are left out then, since an older server may
// not know them.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = process.env.BENCH_SERVER_ROOT ?? fileURLToPath(new URL("..", import.meta.url));

export interface BenchAccount {
  key: string;
  id: number;
  phone: string;
}

export interface BenchTarget {
  url: string;
  pid: number;
  a: BenchAccount;
  b: BenchAccount;
  /** The server's resident set size now, in MiB. */
  rssMiB(): number;
  /** CPU time the server process has used so far, in ms (10 ms resolution). */
  cpuMs(): number;
  stop(): void;
}

export async function rpc(url: string, key: string, body: object): Promise<Record<string, unknown>> {
  const answer = await fetch(`${url}/rpc`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await answer.json()) as Record<string, unknown>;
}

/** Signs `phone` (99966XYYYY) up on a fresh key, or in where it is already registered. */
export async function signUp(url: string, phone: string): Promise<BenchAccount> {
  const key = randomBytes(32).toString("hex");
  const sent = await rpc(url, key, {
    _: "auth.sendCode",
    phone_number: phone,
    sms_type: 0,
    api_id: 1,
    api_hash: "bench",
  });
  const code = {
    phone_number: phone,
    phone_code_hash: sent.phone_code_hash,
    phone_code: phone[5]?.repeat(5),
  };
  const signed = sent.phone_registered
    ? await rpc(url, key, { _: "auth.signIn", ...code })
    : await rpc(url, key, { _: "auth.signUp", ...code, first_name: "Bench", last_name: "" });
  const user = signed.user as { id: number } | undefined;
  if (!user) throw new Error(`sign-up of ${phone} failed: ${JSON.stringify(signed)}`);
  return { key, id: user.id, phone };
}

export const importOf = (phone: string) => ({
  _: "contacts.importContacts",
  contacts: [{ _: "inputPhoneContact", client_id: "1", phone, first_name: "B", last_name: "" }],
  replace: false,
});

function cpuOf(pid: number): number {
  // Fields 14 and 15 of /proc/PID/stat (utime, stime), in clock ticks of 10 ms.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

export interface ServerProcess {
  url: string;
  pid: number;
  stop(): void;
}

/** The reference server alone, fresh, in a child process, with extra server flags. */
export async function startServerProcess(args: string[] = []): Promise<ServerProcess> {
  const extra = process.env.BENCH_SERVER_ROOT ? [] : args;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/cli/main.ts", "server", "--port", "0", ...extra],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once("data", (d: Buffer) => resolve(d.toString().split("\n")[0] ?? ""));
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, pid: child.pid as number, stop: () => child.kill("SIGTERM") };
}

export async function startBenchTarget(args: string[] = []): Promise<BenchTarget> {
  const { url, pid, stop } = await startServerProcess(args);
  const a = await signUp(url, "9996610001");
  const b = await signUp(url, "9996620002");
  await rpc(url, a.key, importOf(b.phone));
  return { url, pid, a, b, rssMiB: () => rssOf(pid), cpuMs: () => cpuOf(pid), stop };
}
