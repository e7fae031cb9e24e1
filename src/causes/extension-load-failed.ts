import { VMSNAPSHOT } from '../facts/index.js';
import { SNAPSHOT_HEADING, ARTICLE, blind, found, lastCompletedPass, latestTime, nearJob, notObservable, of, reinstallRecords, ruledOut, signs, standingAfter, type Cause } from './cause.js';

export const extensionLoadFailed: Cause = {
  id: 'extension-load-failed',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'UserErrorVmNotInDesirableState', 'ExtensionStuckInDeletionState', 'ExtensionConfigParsingFailure', 'UserErrorCrpReportedUserError'],
  needs: ['waagent-log', 'handler-state', 'vmsnapshot-shell-log', 'command-execution-log', 'syslog', 'vmsnapshot-log'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.extension-load-failed.no-log' });
    const failures = of(ctx, 'waagent.extension.failed', (e) => e.attrs.handler === VMSNAPSHOT && e.attrs.timeoutSec === undefined);
    const state = of(ctx, 'handler.state', (e) => /^(NotInstalled|FailedUpgrade)$/i.test(String(e.attrs.state)) && String(e.attrs.handler ?? VMSNAPSHOT) === VMSNAPSHOT);
    const hstatus = of(ctx, 'handler.status', (e) => e.attrs.status === 'NotReady' && String(e.attrs.handler ?? VMSNAPSHOT) === VMSNAPSHOT);
    const shell = of(ctx, /^vmsnapshot\.shell\.(exit|no-python)$/, (e) => e.level === 'error');
    // the agent's pass over all handlers raised: on VMSnapshot's files, or on none named, so VMSnapshot was not processed
    const raised = of(ctx, 'waagent.extensions.failed', (e) => String(e.attrs.handler ?? VMSNAPSHOT) === VMSNAPSHOT);
    // ... unless a later pass reached VMSnapshot, or completed, after all: then the failure passed, a sign at most
    const reached = Math.max(lastCompletedPass(ctx), latestTime(of(ctx, /^waagent\.extension\.(?:command|current-state)$|^vmsnapshot\.run\.start$/,
      (e) => e.kind.startsWith('vmsnapshot.') || e.attrs.handler === VMSNAPSHOT)));
    const { standing: processing, gotOver: passed } = standingAfter(raised, reached);
    const again = reinstallRecords(ctx, (h) => h === VMSNAPSHOT);
    // the extension's own code failing in a backup step (its log says so: vmsnapshot.ts)
    const code = of(ctx, 'vmsnapshot.code.failed');
    const strong = [...failures, ...state, ...hstatus, ...shell, ...code, ...processing, ...again];
    if (!strong.length && passed.length) return found(this, ctx, { supporting: passed }, { id: 'finding.extension-load-failed.processing-passed', params: { times: passed.length } });
    if (!strong.length) {
      const ran = of(ctx, /^vmsnapshot\.(run\.start|result)$|^status\.vmsnapshot$/, (e) => nearJob(ctx, e) >= 0.85);
      return ruledOut(this, ctx, ran.slice(-1), { id: 'finding.extension-load-failed.ran' });
    }
    const mods = [...new Set(failures.map((e) => e.attrs.missingModule).filter(Boolean))];
    const rcs = [...new Set([...failures, ...shell].map((e) => e.attrs.exitCode).filter((x) => x !== undefined))];
    const ops = [...new Set(failures.map((e) => e.attrs.op).filter(Boolean))];
    // which operation failed and with which exit codes, when the records say
    const failed = `finding.extension-load-failed.${ops.length ? 'op' : 'command'}-failed${rcs.length ? '-exit' : ''}`;
    return found(this, ctx, { strong }, signs('finding.extension-load-failed.signs', [
      failures.length > 0 && { id: failed, params: { ops: ops.join('/'), times: failures.length, codes: rcs.join(', ') } },
      mods.length > 0 && { id: 'finding.extension-load-failed.python-import', params: { modules: mods.map((m) => `'${m}'`).join(', ') } },
      failures.some((e) => /Downgrade not allowed/.test(e.message)) && { id: 'finding.extension-load-failed.downgrade' },
      state.length > 0 && { id: 'finding.extension-load-failed.handler-state', params: { state: String(state.at(-1)!.attrs.state) } },
      hstatus.length > 0 && { id: 'finding.extension-load-failed.not-ready' },
      shell.some((e) => e.kind === 'vmsnapshot.shell.no-python') && { id: 'finding.extension-load-failed.no-python' },
      processing.length > 0 && { id: 'finding.extension-load-failed.processing-failed', params: { times: processing.length } },
      again.length > 0 && { id: 'finding.extension-load-failed.reinstalled' },
      code.length > 0 && { id: 'finding.extension-load-failed.code-error', params: { error: String(code.at(-1)!.attrs.error), times: code.length } },
    ]));
  },
};
