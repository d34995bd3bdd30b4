// The official TypeScript SDK's client calling server-everything's echo over stdio, for `dotnet run -c Release
// --project tests/Benchmarks -- stdio`: connects, warms up, then keeps <concurrency> calls in flight for <seconds> and
// prints one JSON line: calls completed, wall seconds and this process's CPU time (the server is a child process of its
// own, not counted).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { fileURLToPath } from "node:url";
import path from "node:path";

const [concurrency, seconds] = process.argv.slice(2).map(Number);
const here = path.dirname(fileURLToPath(import.meta.url));
const server = path.join(here, "..", "node_modules", "@modelcontextprotocol", "server-everything", "dist", "index.js");
const client = new Client({ name: "bench", version: "1.0.0" });
await client.connect(new StdioClientTransport({ command: process.execPath, args: [server, "stdio"], stderr: "ignore" }));

const call = () => client.callTool({ name: "echo", arguments: { message: "hello" } });
for (let i = 0; i < 200; i++) {
  await call();
}

let calls = 0;
const deadline = performance.now() + seconds * 1000;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const worker = async () => {
  while (performance.now() < deadline) {
    await call();
    calls++;
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const wall = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
console.log(JSON.stringify({ calls, seconds: wall, cpuSeconds: (cpu.user + cpu.system) / 1e6 }));
await client.close();
