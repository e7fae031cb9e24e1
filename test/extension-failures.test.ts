/**
 * Extension failures in the agent's and the extensions' own words, as a user sees them in the
 * verdict: real lines only, each with the thread it was posted in.
 */
import test from 'ava';
import { analyze } from '../src/analyze.js';
import type { CauseId, Finding, Report } from '../src/model/types.js';
import { vm } from '../samples/scenarios.js';
import { writeTree, type Tree } from '../samples/pack.js';
import { tmp } from './helpers.js';

async function analyzeTree(files: Tree): Promise<Report> {
  const dir = tmp();
  await writeTree(dir, files);
  return analyze(dir);
}

const lines = (...ls: string[]) => ls.join('\n') + '\n';
const finding = (r: Report, cause: CauseId): Finding => r.findings.find((f) => f.cause === cause)!;
const shown = (r: Report) => r.findings.filter((f) => f.confidence > 0).map((f) => `${f.cause}=${f.status}: ${f.summary}`).join(' | ');

// https://github.com/Azure/azure-linux-extensions/issues/217 (agent 2.0.x)
const VMACCESS_G0 = lines(
  '2016/08/04 10:16:36 Spawned ./vmaccess.py -install PID 32178',
  '2016/08/04 10:16:36 ERROR:Process 32178 returned non-zero exit code(126)',
  '2016/08/04 10:16:36 SetHandlerState: Microsoft.OSTCExtensions.VMAccessForLinux-1.4.1.0, NotInstalled',
  '2016/08/04 10:16:36 ERROR:Installation failed for Microsoft.OSTCExtensions.VMAccessForLinux-1.4.1.0',
  '2016/08/04 10:16:36 Processing completed for Microsoft.OSTCExtensions.VMAccessForLinux-1.4.1.0');

// https://github.com/microsoft/OMS-Agent-for-Linux/issues/1117 (agent 2.2.45)
const OMS_CONFIG_MISSING = "2019/12/19 18:02:37.584161 WARNING ExtHandler Exception processing extension handlers: [Errno 2] No such file or directory: '/var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.17/config'\n";

// https://github.com/Azure/WALinuxAgent/issues/1423 (agent 2.2.34)
const NONE_TYPE = lines(
  '2018/12/06 13:56:25.607964 INFO Determined Agent WALinuxAgent-2.2.34 to be the latest agent',
  '2018/12/06 13:56:27.115368 INFO ExtHandler Agent WALinuxAgent-2.2.34 is running as the goal state agent',
  "2018/12/13 18:51:40.004441 WARNING ExtHandler Exception processing extension handlers: 'NoneType' object is not iterable");

// https://github.com/Azure/azure-linux-extensions/issues/945 (OmsAgentForLinux's CommandExecution.log)
const OMS_REMOVED = [
  '2019/11/14 00:10:28.024454 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13] Remove extension handler directory: /var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13',
  '2019/11/15 00:06:57.814091 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13] Remove extension handler directory: /var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13',
  '2019/11/16 00:02:26.045469 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13] Remove extension handler directory: /var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13'];
const OMS_LOG = 'var/log/azure/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux/CommandExecution.log';

// https://github.com/coreos/tectonic-installer/issues/2210 (agent records in syslog)
const OMS_SYSLOG = lines(
  'Oct 24 10:54:45 smblab-ne-worker-2 python[903]: 2017/10/24 10:54:45.667140 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.4.45.3] Remove extension handler directory: /var/lib/waagent/Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.4.45.3',
  'Oct 24 10:54:45 smblab-ne-worker-2 python[903]: 2017/10/24 10:54:45.687577 INFO Event: name=WALinuxAgent, op=ProcessGoalState, message=, duration=12784',
  'Oct 24 11:22:05 smblab-ne-worker-2 python[903]: 2017/10/24 11:22:05.689854 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.4.45.3] Target handler state: enabled',
  'Oct 24 11:22:05 smblab-ne-worker-2 python[903]: 2017/10/24 11:22:05.690702 INFO [Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.4.45.3] [Enable] current handler state is: notinstalled');

// https://github.com/Azure/azure-linux-extensions/issues/947 (LinuxDiagnostic's extension.log)
const LAD = [
  '2020/01/10 22:43:12 [Microsoft.Azure.Diagnostics.LinuxDiagnostic-3.0.125] RunCmd sed -i "s/RestartService syslog-ng\\\\s*$/RestartService syslog-ng || RestartService syslog/g" /opt/microsoft/omsagent/bin/configure_syslog.sh',
  '2020/01/10 22:43:12 ERROR:CalledProcessError.  Error Code is 2',
  '2020/01/10 22:43:12 ERROR:CalledProcessError.  Command string was sed -i "s/RestartService syslog-ng\\\\s*$/RestartService syslog-ng || RestartService syslog/g" /opt/microsoft/omsagent/bin/configure_syslog.sh',
  "2020/01/10 22:43:12 ERROR:CalledProcessError.  Command result was sed: can't read /opt/microsoft/omsagent/bin/configure_syslog.sh: No such file or directory",
  "2020/01/10 22:43:12 [Microsoft.Azure.Diagnostics.LinuxDiagnostic-3.0.125] Return 2:sed: can't read /opt/microsoft/omsagent/bin/configure_syslog.sh: No such file or directory",
  '2020/01/10 22:43:12 [Microsoft.Azure.Diagnostics.LinuxDiagnostic-3.0.125] RunCmd /opt/microsoft/omsagent/ruby/bin/fluent-gem uninstall fluent-plugin-mdsd -a',
  '2020/01/10 22:43:12 ERROR:CalledProcessError.  Error Code is 127'];
const LAD_LOG = 'var/log/azure/Microsoft.Azure.Diagnostics.LinuxDiagnostic/extension.log';

test('2.0.x: "Installation failed for <Handler>-<ver>" is that extension failing', async (t) => {
  const r = await analyzeTree({ 'var/log/waagent.log': VMACCESS_G0 });
  t.is(r.verdict.outcome, 'found', shown(r));
  t.is(r.verdict.cause, 'other-extension-failed');
  t.regex(finding(r, 'other-extension-failed').summary, /VMAccessForLinux/);
  t.true(finding(r, 'other-extension-failed').evidence.some((e) => /Installation failed for/.test(e.text)));
});

test('2.0.x: a handler process exit alone names no extension, so it is no verdict', async (t) => {
  const r = await analyzeTree({ 'var/log/waagent.log': '2016/08/04 10:16:36 ERROR:Process 32178 returned non-zero exit code(126)\n' });
  t.is(r.verdict.cause, null, shown(r));
});

test('the pass over the handlers raising on one handler\'s files is that extension\'s failure, not the backup extension\'s', async (t) => {
  const r = await analyzeTree({ 'var/log/waagent.log': OMS_CONFIG_MISSING });
  t.is(r.verdict.cause, 'other-extension-failed', shown(r));
  t.regex(finding(r, 'other-extension-failed').summary, /pass over the extension handlers failed on the files of Microsoft\.EnterpriseCloud\.Monitoring\.OmsAgentForLinux/);
  t.false(['confirmed', 'likely'].includes(finding(r, 'extension-load-failed').status));
});

test('the pass over the handlers raising with no handler named leaves VMSnapshot unprocessed', async (t) => {
  const r = await analyzeTree({ 'var/log/waagent.log': NONE_TYPE });
  t.is(r.verdict.cause, 'extension-load-failed', shown(r));
  t.regex(finding(r, 'extension-load-failed').summary, /pass over the extension handlers failed 1 time\(s\), so VMSnapshot was not processed/);
});

test('... but when a later pass reached VMSnapshot, that failure passed: a sign, not the verdict', async (t) => {
  // the 2018 lines in a rotated log before a generated healthy 2024 backup
  const r = await analyzeTree(vm({ extra: { 'var/log/waagent.log.1': NONE_TYPE } }));
  t.is(r.verdict.outcome, 'none-found', shown(r));
  t.is(finding(r, 'extension-load-failed').status, 'possible');
  t.regex(finding(r, 'extension-load-failed').summary, /a later pass reached VMSnapshot/);
});

test('a handler directory removed again and again: its install keeps failing', async (t) => {
  const r = await analyzeTree({ [OMS_LOG]: lines(...OMS_REMOVED) });
  t.deepEqual(r.facts.reinstalledHandlers, ['Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.12.13']);
  t.is(r.verdict.cause, 'other-extension-failed', shown(r));
  t.regex(finding(r, 'other-extension-failed').summary, /removed the handler directory of Microsoft\.EnterpriseCloud\.Monitoring\.OmsAgentForLinux and had to install the same version again/);
});

test('a handler directory removed once is routine (an uninstall or an update)', async (t) => {
  const r = await analyzeTree({ [OMS_LOG]: lines(OMS_REMOVED[0]!) });
  t.deepEqual(r.facts.reinstalledHandlers, []);
  t.is(r.verdict.cause, null, shown(r));
});

test('removed, then wanted enabled and found notinstalled (agent records in syslog): reinstalled', async (t) => {
  const r = await analyzeTree({ 'var/log/messages': OMS_SYSLOG });
  t.deepEqual(r.facts.reinstalledHandlers, ['Microsoft.EnterpriseCloud.Monitoring.OmsAgentForLinux-1.4.45.3']);
  t.is(r.verdict.cause, 'other-extension-failed', shown(r));
  t.true(finding(r, 'other-extension-failed').evidence.some((e) => /current handler state is: notinstalled/.test(e.text)));
});

// in azure-linux-extensions#947 the 127 is a clean-up step (an uninstall of a plugin that was never there): it is named, as a sign
test('a command the extension could not run (exit 127) is named, but as a sign: a clean-up step may find nothing there', async (t) => {
  const r = await analyzeTree({ [LAD_LOG]: lines(...LAD) });
  t.is(r.verdict.cause, null, shown(r));
  t.is(finding(r, 'other-extension-failed').status, 'possible');
  t.regex(finding(r, 'other-extension-failed').summary, /LinuxDiagnostic could not run a command it needs \(exit code 127/);
});

test('a command that ran and failed is only a sign of trouble in that extension', async (t) => {
  const r = await analyzeTree({ [LAD_LOG]: lines(...LAD.slice(0, 5)) });
  t.is(r.verdict.cause, null, shown(r));
  t.is(finding(r, 'other-extension-failed').status, 'possible');
  t.regex(finding(r, 'other-extension-failed').summary, /LinuxDiagnostic logged failed commands \(exit code 2\)/);
});
