/** Deterministic large inputs for the benchmarks: a waagent.log of a given size, and bundles around it. */
import { createWriteStream, existsSync, promises as fsp, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { g1, g4, HANDLER } from '../samples/logs.js';
import { SCENARIOS } from '../samples/scenarios.js';
import { prefixed, tgzBuffer } from '../samples/pack.js';

const START = Date.UTC(2024, 3, 1);

/** The ordinary traffic of a busy agent, with a warning or an error now and then. */
function* agentLines(gen: 'G4' | 'G1'): Generator<string> {
  const ext = `[${HANDLER}-1.0.9225.0]`;
  let t = START;
  let n = 0;
  const line = (level: string, thread: string, prefix: string, msg: string) =>
    gen === 'G4' ? g4(t, level, thread, prefix, msg) : g1(t, level, msg, prefix.startsWith('[') ? prefix : undefined);
  for (;;) {
    t += 6000 + (n % 7) * 13;
    n++;
    switch (n % 20) {
      case 0: yield line('INFO', 'ExtHandler', 'ExtHandler', `[HEARTBEAT] Agent WALinuxAgent-2.11.1.4 is running as the goal state agent [DEBUG HeartbeatCounter: ${n};HeartbeatId: 3F2504E0-4F89-11D3-9A0C-0305E82C3301;DroppedPackets: 0;UpdateGSErrors: 0;AutoUpdate: 1]`); break;
      case 1: yield line('INFO', 'ExtHandler', 'ExtHandler', `ProcessExtensionsGoalState started [incarnation_${n % 97} channel: WireServer source: Fabric activity: 6b1d6a4e-7c0a-4c51-9b3e-2f3a1c9a7d10 correlation 0f6e2b8a-1d2c-4e5f-8a9b-3c4d5e6f7a8b created: 2024-06-11T03:12:35.114000Z]`); break;
      case 2: yield line('INFO', 'ExtHandler', ext, `Target handler state: enabled [incarnation_${n % 97}]`); break;
      case 3: yield line('INFO', 'ExtHandler', ext, '[Enable] current handler state is: enabled'); break;
      case 4: yield line('INFO', 'ExtHandler', ext, 'Enable extension: [main/handle.sh enable]'); break;
      case 5: yield line('INFO', 'ExtHandler', ext, 'Command: main/handle.sh enable'); yield '[stdout]'; yield '[stderr]'; yield 'Running as unit: enable_1f2e3d4c.scope; invocation ID: 8c1b'; break;
      case 6: yield line('INFO', 'ExtHandler', 'ExtHandler', `ProcessExtensionsGoalState completed [incarnation_${n % 97} ${n % 9000} ms]`); yield ''; break;
      case 7: yield line('INFO', 'ExtHandler', 'ExtHandler', "Extension status: [('Microsoft.Azure.RecoveryServices.VMSnapshotLinux', 'success')]"); break;
      case 11: yield line('INFO', 'EnvHandler', 'ExtHandler', 'Firewall rules are set up correctly for the WireServer'); break;
      case 13: if (n % 1000 === 13) { yield line('WARNING', 'MonitorHandler', 'ExtHandler', 'Error in SendHostPluginHeartbeat: [HttpError] [HTTP Failed] GET http://168.63.129.16:32526/health -- IOError timed out -- 1 attempts made --- [NOTE: Will not log the same error for the next hour]'); break; }
        yield line('INFO', 'ExtHandler', 'ExtHandler', `Fetched a new incarnation for the WireServer goal state [incarnation ${n % 97}]`); break;

      default: yield line('INFO', 'ExtHandler', 'ExtHandler', `Fetched a new incarnation for the WireServer goal state [incarnation ${n % 97}] cpu=${n % 100}% mem=${(n * 7) % 1000}MB`);
    }
  }
}

/** Writes a waagent.log of about `bytes` bytes; returns [bytes, lines]. */
export async function writeAgentLog(path: string, bytes: number, gen: 'G4' | 'G1' = 'G4'): Promise<[number, number]> {
  await fsp.mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path);
  let written = 0, lines = 0;
  let buf: string[] = [];
  let bufLen = 0;
  for (const l of agentLines(gen)) {
    buf.push(l); bufLen += l.length + 1; lines++;
    if (bufLen >= 1 << 20) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      written += bufLen; buf = []; bufLen = 0;
      if (written >= bytes) break;
    }
  }
  out.end();
  await once(out, 'finish');
  return [written, lines];
}

/** `count` distinct bundles under `out`/batch-<count> (made once): every scenario in turn, each with a 2 MB agent log. */
export async function batchBundles(out: string, count: number): Promise<string> {
  const dir = join(out, `batch-${count}`);
  if (existsSync(dir)) return dir;
  await fsp.mkdir(dir, { recursive: true });
  const big = join(out, 'batch-agent.log');
  await writeAgentLog(big, 2 * 1024 * 1024);
  const agentLog = readFileSync(big, 'utf8');
  for (let i = 0; i < count; i++) {
    const s = SCENARIOS[i % SCENARIOS.length]!;
    const files = { ...s.files, 'var/log/waagent.log.1': agentLog + `# bundle ${i}\n` };
    await fsp.writeFile(join(dir, `ticket-${String(i).padStart(4, '0')}.tgz`), await tgzBuffer(prefixed(files, `ticket-${i}`)));
  }
  return dir;
}
