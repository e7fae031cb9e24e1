import { VMSNAPSHOT } from '../facts/index.js';
import type { Event } from '../model/types.js';
import { blind, found, notObservable, of, reinstallRecords, ruledOut, signs, VM_TROUBLESHOOT, type Cause } from './cause.js';

/** Exit codes of a command that could not run at all (126 not executable, 127 not found), not one that ran and said no. */
const CANNOT_RUN = [126, 127];

export const otherExtensionFailed: Cause = {
  id: 'other-extension-failed',
  os: ['linux', 'windows'],
  docs: VM_TROUBLESHOOT,
  symptoms: ['UserErrorVmProvisioningStateFailed', 'UserErrorVmNotInDesirableState', 'UserErrorCrpReportedUserError'],
  // the agent's records of a handler are also in its CommandExecution.log, and in syslog
  needs: ['waagent-log', 'extension-status', 'extension-log', 'windows-agent-log', 'command-execution-log', 'syslog'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.other-extension-failed.no-log' });
    const other = (e: Event) => !!e.attrs.handler && e.attrs.handler !== VMSNAPSHOT;
    // a command the extension logged as failed: one that could not run is its failure, another only a sign
    const commands = of(ctx, 'extension.command.failed', (e) => other(e) && typeof e.attrs.exitCode === 'number');
    const cannotRun = commands.filter((e) => CANNOT_RUN.includes(e.attrs.exitCode as number));
    const ranAndFailed = commands.filter((e) => !cannotRun.includes(e));
    // the agent's pass over the handlers raised on this handler's files
    const processing = of(ctx, 'waagent.extensions.failed', other);
    const again = reinstallRecords(ctx, (h) => h !== VMSNAPSHOT);
    const others = [...of(ctx, /^(?:waagent\.|windows\.)?extension\.(?:failed|timeout)$/, other),
      ...of(ctx, 'status.extension', (e) => e.level === 'error'), ...processing, ...again, ...cannotRun];
    if (!others.length && !ranAndFailed.length) return ruledOut(this, ctx, of(ctx, /^waagent\.(extension\.status|goal-state\.processed)$/).slice(-1), { id: 'finding.other-extension-failed.none' });
    const namesOf = (es: Event[]) => [...new Set(es.map((e) => String(e.attrs.handler ?? e.attrs.name ?? '?')))].join(', ');
    const codesOf = (es: Event[]) => [...new Set(es.map((e) => e.attrs.exitCode))].join(', ');
    return found(this, ctx, { strong: others, supporting: ranAndFailed }, signs('finding.other-extension-failed.signs', [
      { id: 'finding.other-extension-failed.failing', params: { names: namesOf([...others, ...ranAndFailed]) } },
      processing.length > 0 && { id: 'finding.other-extension-failed.processing', params: { names: namesOf(processing), times: processing.length } },
      again.length > 0 && { id: 'finding.other-extension-failed.reinstalled', params: { names: namesOf(again) } },
      cannotRun.length > 0 && { id: 'finding.other-extension-failed.cannot-run', params: { names: namesOf(cannotRun), codes: codesOf(cannotRun) } },
      ranAndFailed.length > 0 && { id: 'finding.other-extension-failed.commands', params: { names: namesOf(ranAndFailed), codes: codesOf(ranAndFailed) } },
    ]));
  },
};
