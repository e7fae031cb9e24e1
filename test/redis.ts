/**
 * The queue tests' world: a private redis-server (Debian's package) on a free loopback port with
 * its own folder, `azlog` processes started and watched asynchronously, and bounded waits. Nothing
 * is left running: every process started here is stopped by its test, and killed when the test
 * process exits whatever happened.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { BIN, tmp } from './helpers.js';

const running = new Set<ChildProcess>();
const killAll = () => { for (const p of running) p.kill('SIGKILL'); };
process.on('exit', killAll);
// a test process ended from outside (AVA's timeout) runs no 'exit' handler by default
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => { killAll(); process.exit(1); });

function track(p: ChildProcess): ChildProcess {
  running.add(p);
  p.once('exit', () => running.delete(p));
  // and one killed outright runs nothing at all: a watchdog ends the child when this process is gone
  if (p.pid) spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${p.pid} 2>/dev/null; do sleep 1; done; kill -0 ${process.pid} 2>/dev/null || kill -KILL ${p.pid} 2>/dev/null`], { stdio: 'ignore', detached: true }).unref();
  return p;
}

export const REDIS_SERVER: string | null = (() => {
  const r = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  return existsSync('/usr/bin/redis-server') ? '/usr/bin/redis-server' : null;
})();

/** Polls `check` until it gives a truthy value; past `ms` it throws, naming what it waited for. */
export async function until<T>(what: string, ms: number, check: () => T | Promise<T>, everyMs = 250): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try { const v = await check(); if (v) return v as NonNullable<T>; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out after ${ms / 1000} s waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const port = (s.address() as { port: number }).port; s.close(() => resolve(port)); });
  });
}

/** A PING answered (or, with a password, refused for want of it): the server is up. */
function ping(port: number, tls: TlsFiles | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    const c = tls ? tlsConnect({ host: '127.0.0.1', port, ca: readFileSync(tls.ca) }) : createConnection({ host: '127.0.0.1', port });
    let got = '';
    c.setTimeout(2000, () => { c.destroy(); resolve(false); });
    c.on('error', () => resolve(false));
    c.on(tls ? 'secureConnect' : 'connect', () => c.write('PING\r\n'));
    c.on('data', (d) => { got += d.toString(); if (got.includes('\r\n')) { c.destroy(); resolve(/^(\+PONG|-NOAUTH)/.test(got)); } });
  });
}

export interface TlsFiles { ca: string; cert: string; key: string }

/** A certificate authority and a certificate for 127.0.0.1 signed by it (openssl), or null without openssl. */
export function makeCertificates(dir: string): TlsFiles | null {
  const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server.key') };
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  const steps = [
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'ca.key'), '-out', files.ca, '-days', '2', '-subj', '/CN=azlog test CA'],
    ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', files.key, '-out', join(dir, 'server.csr'), '-subj', '/CN=127.0.0.1'],
    ['x509', '-req', '-in', join(dir, 'server.csr'), '-CA', files.ca, '-CAkey', join(dir, 'ca.key'), '-CAcreateserial', '-out', files.cert, '-days', '2', '-extfile', join(dir, 'san.ext')],
  ];
  for (const args of steps) if (spawnSync('openssl', args, { stdio: 'ignore' }).status !== 0) return null;
  return files;
}

export interface ServerOptions { tls?: TlsFiles; password?: string }

export class RedisServer {
  private proc: ChildProcess | null = null;
  private constructor(readonly port: number, readonly dir: string, private readonly o: ServerOptions) {}

  get url(): string { return `${this.o.tls ? 'rediss' : 'redis'}://${this.o.password ? `:${this.o.password}@` : ''}127.0.0.1:${this.port}`; }

  /** A new server; its data survives stop/start (append-only file in its folder). */
  static async start(o: ServerOptions = {}): Promise<RedisServer> {
    for (let attempt = 0; ; attempt++) {
      const server = new RedisServer(await freePort(), tmp('azlog-redis-'), o);
      try { await server.start(); return server; } catch (e) { if (attempt >= 3) throw e; }
    }
  }

  async start(): Promise<void> {
    const { tls, password } = this.o;
    const p = track(spawn(REDIS_SERVER!, [
      ...(tls ? ['--port', '0', '--tls-port', String(this.port), '--tls-cert-file', tls.cert, '--tls-key-file', tls.key, '--tls-ca-cert-file', tls.ca, '--tls-auth-clients', 'no'] : ['--port', String(this.port)]),
      ...(password ? ['--requirepass', password] : []),
      '--bind', '127.0.0.1', '--dir', this.dir, '--daemonize', 'no', '--protected-mode', 'yes',
      '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--logfile', join(this.dir, 'redis.log'),
    ], { stdio: 'ignore' }));
    this.proc = p;
    let exited = false;
    p.once('exit', () => { exited = true; });
    await until(`redis-server on 127.0.0.1:${this.port}`, 30_000, async () => { if (exited) throw new Error('redis-server exited'); return ping(this.port, this.o.tls); });
  }

  /** SIGTERM (Redis flushes its append-only file and exits), SIGKILL if it does not within 30 s. */
  async stop(): Promise<void> {
    const p = this.proc;
    this.proc = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    const timer = setTimeout(() => p.kill('SIGKILL'), 30_000);
    await gone;
    clearTimeout(timer);
  }
}

/** An `azlog` process running in the background, its stderr collected as it comes. */
export class Azlog {
  readonly proc: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  /** Started in a process group of its own, so a test can signal it and its workers as a terminal's Ctrl-C does. */
  constructor(args: string[], env: Record<string, string> = {}) {
    this.proc = track(spawn(process.execPath, [BIN, ...args], { env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true }));
    this.proc.stdout!.on('data', (d) => { this.stdout += d.toString(); });
    this.proc.stderr!.on('data', (d) => { this.stderr += d.toString(); });
    this.exited = new Promise((r) => this.proc.once('close', (code, signal) => r(signal ? null : code)));
  }

  waitFor(re: RegExp, ms: number): Promise<RegExpExecArray> {
    return until(`${re} on stderr of azlog ${this.proc.pid} (so far: ${this.stderr.slice(-300)})`, ms, () => re.exec(this.stderr), 100);
  }

  /** Sends `signal` and waits for the exit, at most `ms`; gives the exit code (null when killed by a signal). */
  async stop(signal: NodeJS.Signals, ms = 60_000): Promise<number | null> {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill(signal);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), ms);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }
}
