import { VMSNAPSHOT } from '../facts/index.js';
import type { Event } from '../model/types.js';
import { blind, found, hostServerErrors, lastCompletedPass, notObservable, of, reinstallRecords, ruledOut, signs, standingAfter, VM_TROUBLESHOOT, type Cause } from './cause.js';

/** Exit codes of a command that could not run at all (126 not executable, 127 not found), not one that ran and said no. */
const CANNOT_RUN = [126, 127];
/** A handler that could not be fetched this soon after the host's server errors could not be fetched because of them. */
const HOST_EPISODE_MS = 15 * 60_000;

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
    // a command the extension logged as failed: a sign (one that could not run at all, exit 126/127, is
    // often a clean-up step finding nothing to clean; the handler's own failure says more)
    const commands = of(ctx, 'extension.command.failed', (e) => other(e) && typeof e.attrs.exitCode === 'number');
    const cannotRun = commands.filter((e) => CANNOT_RUN.includes(e.attrs.exitCode as number));
    const ranAndFailed = commands.filter((e) => !cannotRun.includes(e));
    // the agent's pass over the handlers raised on this handler's files; a pass that completed later got over it (a sign)
    const raised = of(ctx, 'waagent.extensions.failed', other);
    const { standing: processing, gotOver: passedOver } = standingAfter(raised, lastCompletedPass(ctx));
    const again = reinstallRecords(ctx, (h) => h !== VMSNAPSHOT);
    // a handler whose packages could not be fetched just after the host answered with server errors
    // never ran: the host failed it (platform-transient), so it is a sign here, not the failure
    const hostTimes = hostServerErrors(ctx).map((e) => e.ms).filter((m): m is number => m !== null);
    const unfetched = of(ctx, 'waagent.extension.failed', (e) => other(e) && e.attrs.notFetched === true && e.ms !== null
      && hostTimes.some((h) => h <= e.ms! && e.ms! - h <= HOST_EPISODE_MS));
    const others = [...of(ctx, /^(?:waagent\.|windows\.)?extension\.(?:failed|timeout)$/, (e) => other(e) && !unfetched.includes(e)),
      ...of(ctx, 'status.extension', (e) => e.level === 'error'), ...processing, ...again];
    if (!others.length && !commands.length && !unfetched.length && !passedOver.length) return ruledOut(this, ctx, of(ctx, /^waagent\.(extension\.status|goal-state\.processed)$/).slice(-1), { id: 'finding.other-extension-failed.none' });
    const namesOf = (es: Event[]) => [...new Set(es.map((e) => String(e.attrs.handler ?? e.attrs.name ?? '?')))].join(', ');
    const codesOf = (es: Event[]) => [...new Set(es.map((e) => e.attrs.exitCode))].join(', ');
    const failing = [...others, ...commands, ...passedOver];
    return found(this, ctx, { strong: others, supporting: [...commands, ...unfetched, ...passedOver] }, signs('finding.other-extension-failed.signs', [
      failing.length > 0 && { id: 'finding.other-extension-failed.failing', params: { names: namesOf(failing) } },
      unfetched.length > 0 && { id: 'finding.other-extension-failed.unfetched', params: { names: namesOf(unfetched) } },
      raised.length > 0 && { id: 'finding.other-extension-failed.processing', params: { names: namesOf(raised), times: raised.length } },
      again.length > 0 && { id: 'finding.other-extension-failed.reinstalled', params: { names: namesOf(again) } },
      cannotRun.length > 0 && { id: 'finding.other-extension-failed.cannot-run', params: { names: namesOf(cannotRun), codes: codesOf(cannotRun) } },
      ranAndFailed.length > 0 && { id: 'finding.other-extension-failed.commands', params: { names: namesOf(ranAndFailed), codes: codesOf(ranAndFailed) } },
    ]));
  },
};
