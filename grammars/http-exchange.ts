/**
 * The agent's verbose HTTP log pairs each request (`HTTP connection [GET] [url]`) with its answer
 * (`HTTP response status: [200]`). A request sent again to the same URL with no answer logged in
 * between is a retry that got nothing back — through a proxy that swallows it, or a firewall.
 */
import type { Event } from '../src/model/types.js';

/** The repeated requests (the second and later of each unanswered run), in file order per file. */
export function retriedWithoutAnswer(events: Event[]): Event[] {
  const out: Event[] = [];
  const byFile = new Map<string, Event[]>();
  for (const e of events) if (e.kind === 'waagent.http.request' || e.kind === 'waagent.http.response') {
    const list = byFile.get(e.file) ?? [];
    list.push(e);
    byFile.set(e.file, list);
  }
  for (const list of byFile.values()) {
    list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    let pending: Event | null = null;
    for (const e of list) {
      if (e.kind === 'waagent.http.response') { pending = null; continue; }
      if (pending && pending.attrs.url === e.attrs.url && pending.attrs.method === e.attrs.method) out.push(e);
      pending = e;
    }
  }
  return out;
}
