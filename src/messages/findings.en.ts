/**
 * English texts of the causes, the findings and the verdict's reasons. Finding notes are clauses
 * without a final full stop (the writers end the sentence); composite notes join their parts with
 * `parts.separator`. `{@name}` renders the message whose id the parameter holds.
 */
import { register } from './catalogue.js';

export const FINDINGS_EN = {
  'parts.separator': '; ',
  'cause.fix.both': 'On Linux: {@linux} On Windows: {@windows}',
  'cause.manual.both': 'On Linux: {@linux} On Windows: {@windows}',

  // ---- causes: title, fix (per OS where they differ), what to check by hand
  'cause.stale-goal-state-files.title': 'Stale goal-state cache files in /var/lib/waagent',
  'cause.stale-goal-state-files.fix': 'Delete the numbered cache files with `sudo rm -f /var/lib/waagent/*.[0-9]*.xml`, restart the agent (walinuxagent or waagent), then run the backup again.',
  'cause.stale-goal-state-files.manual': 'List /var/lib/waagent and look for many GoalState.N.xml / ExtensionsConfig.N.xml files.',

  'cause.no-network.title': 'The VM cannot reach Azure (168.63.129.16 or storage)',
  'cause.no-network.fix.linux': 'Allow outbound traffic to the Azure datacenter ranges or service tags (Storage) in the NSG and the guest firewall, or route it through an HTTP proxy set with HttpProxy.Host/HttpProxy.Port in /etc/waagent.conf. Never block 168.63.129.16 on ports 80, 443 and 32526; managed disks may also need port 8443.',
  'cause.no-network.fix.windows': 'Allow outbound traffic to the Azure datacenter ranges or service tags (Storage) in the NSG and Windows Firewall, or route it through an HTTP proxy set for the Local System account. Never block 168.63.129.16 on ports 80, 443 and 32526; managed disks may also need port 8443.',
  'cause.no-network.manual.linux': 'From the VM, test `curl http://168.63.129.16/?comp=versions` and an HTTPS request to a storage account; review NSG outbound rules and iptables.',
  'cause.no-network.manual.windows': 'From the VM, run `Test-NetConnection 168.63.129.16 -Port 80` and `Test-NetConnection 168.63.129.16 -Port 32526` and an HTTPS request to a storage account; review NSG outbound rules and Windows Firewall.',

  'cause.agent-unresponsive.title': 'The VM agent is not running or not responding',
  'cause.agent-unresponsive.fix.linux': 'Restart the agent (`sudo systemctl restart walinuxagent` on Ubuntu/Debian, `sudo systemctl restart waagent` elsewhere) and check it stays up; if it keeps crashing, reinstall it from the distribution.',
  'cause.agent-unresponsive.fix.windows': 'In services.msc, restart the Windows Azure Guest Agent service and check it stays up; if it is missing or keeps stopping, uninstall the agent in Programs and Features, install the latest agent MSI as an administrator, make sure .NET Framework 4.5 or later is present, and take an on-demand backup.',
  'cause.agent-unresponsive.manual.linux': 'Run `systemctl status walinuxagent` (or waagent) and `ps -ef | grep waagent` on the VM.',
  'cause.agent-unresponsive.manual.windows': 'Run `Get-Service WindowsAzureGuestAgent` on the VM and read C:\\WindowsAzure\\Logs\\WaAppAgent.log around the backup time.',

  'cause.agent-outdated.title': 'The Linux VM agent is out of date',
  'cause.agent-outdated.fix': "Update WALinuxAgent from your distribution's repository (not from GitHub) to {min} or later, check it runs (`ps -e | grep waagent`), keep AutoUpdate.Enabled=y so it updates itself, set Logs.Verbose=y if you need more detail, and retry the backup.",
  'cause.agent-outdated.manual': 'Run `waagent --version` on the VM and compare the goal-state agent with {min}.',

  'cause.snapshot-sql-vss.title': 'SQL Server backup delays the VSS snapshot (Windows)',
  'cause.snapshot-sql-vss.fix': 'On the Windows VM set the registry value HKLM\\SOFTWARE\\Microsoft\\BCDRAGENT USEVSSCOPYBACKUP="TRUE" so Azure Backup takes a VSS copy backup instead of a full one.',
  'cause.snapshot-sql-vss.manual': 'Check whether SQL Server backups run on the VM and the BCDRAGENT registry value.',

  'cause.snapshot-vm-shutdown.title': 'The VM was shut down from inside the guest around the backup',
  'cause.snapshot-vm-shutdown.fix': 'Shut the VM down from the Azure portal (or CLI) rather than from inside the guest, so the platform knows its real state; then run the backup again.',
  'cause.snapshot-vm-shutdown.manual.linux': 'Check the activity log and `last -x shutdown reboot` for a shutdown at the backup time.',
  'cause.snapshot-vm-shutdown.manual.windows': 'Check the activity log and the System event log (events 1074 and 6006) for a shutdown at the backup time.',

  'cause.snapshot-concurrent-backups.title': 'Too many backups at once: snapshot calls throttled',
  'cause.snapshot-concurrent-backups.fix': 'Spread the backup schedules of VMs that share a cloud service or storage account over different times, then retry.',
  'cause.snapshot-concurrent-backups.manual': 'Compare the backup policies of VMs in the same storage account or cloud service.',

  'cause.snapshot-high-load.title': 'The VM was too busy: the snapshot task was delayed or timed out',
  'cause.snapshot-high-load.fix': 'Take an on-demand backup at a quieter time; if CPU or memory stays above about 90%, move to a larger VM size.',
  'cause.snapshot-high-load.manual': 'Check CPU and memory metrics of the VM at the backup time in Azure Monitor.',

  'cause.dhcp-disabled.title': 'DHCP is disabled in the guest: the agent cannot find the WireServer',
  'cause.dhcp-disabled.fix': 'Keep DHCP enabled inside the guest (the lease carries option 245, the WireServer address). If the VM needs a fixed private IP, set it as static on the NIC in Azure instead of in the guest.',
  'cause.dhcp-disabled.manual.linux': 'Check the guest network configuration (netplan dhcp4, ifcfg BOOTPROTO) and the DHCP lease for option 245.',
  'cause.dhcp-disabled.manual.windows': 'Run `ipconfig /all` on the VM and check that DHCP is enabled on its network adapter.',

  'cause.extension-load-failed.title': 'The backup extension (VMSnapshot) fails to install or load',
  'cause.extension-load-failed.fix.linux': 'Uninstall the VMSnapshot extension (portal: VM > Extensions, or `az vm extension delete`) so the next backup installs it fresh; update the VM agent; make sure a supported Python is present.',
  'cause.extension-load-failed.fix.windows': 'Check that the iaasvmprovider service is enabled and its startup type is Automatic; if the extension still fails, uninstall the VMSnapshot extension (portal: VM > Extensions) so the next backup installs it fresh.',
  'cause.extension-load-failed.manual.linux': 'Check the extension state in the portal (VM > Extensions) and /var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-*/config/HandlerState.',
  'cause.extension-load-failed.manual.windows': 'Check the extension state in the portal (VM > Extensions) and the iaasvmprovider service in services.msc.',

  'cause.classic-vm-agent-not-provisioned.title': 'The VM agent was not provisioned (ProvisionGuestAgent is false)',
  'cause.classic-vm-agent-not-provisioned.fix.linux': 'For a classic VM, set ProvisionGuestAgent to true with the classic Azure PowerShell (Get-AzureVM, set $vm.VM.ProvisionGuestAgent = $true, Update-AzureVM); remove /var/lib/waagent/disable_agent, restart the agent, then retry.',
  'cause.classic-vm-agent-not-provisioned.fix.windows': 'Install the VM agent, then for a classic VM set ProvisionGuestAgent to true with the classic Azure PowerShell (Get-AzureVM, set $vm.VM.ProvisionGuestAgent = $true, Update-AzureVM), then retry.',
  'cause.classic-vm-agent-not-provisioned.manual.linux': 'Check ProvisionGuestAgent in /var/lib/waagent/ovf-env.xml and whether /var/lib/waagent/disable_agent exists.',
  'cause.classic-vm-agent-not-provisioned.manual.windows': 'Read $vm.VM.ProvisionGuestAgent with the classic Azure PowerShell (Get-AzureVM).',

  'cause.restore-point-limit.title': 'Restore point collection limit reached (often a resource-group lock)',
  'cause.restore-point-limit.fix': 'Remove the lock from the resource group that holds the restore points (AzureBackupRG_<geo>_<n>), delete the restore point collection (or let the next backup clean it up), and run the backup again. Putting the lock back brings the problem back.',
  'cause.restore-point-limit.manual': 'Service side: check locks on the AzureBackupRG_* resource group and the number of restore points (limit 18).',

  'cause.disk-too-large.title': 'A disk is larger than Azure Backup supports',
  'cause.disk-too-large.fix': 'Attach a smaller disk, copy the data over, detach the oversized disk, then back up (limits: {limit} per disk, {encryptedLimit} for encrypted disks).',
  'cause.disk-too-large.manual': 'Check the size of every data disk in the portal (VM > Disks).',

  'cause.extensions-disabled.title': 'Extension processing is disabled in /etc/waagent.conf',
  'cause.extensions-disabled.fix': 'Set Extensions.Enabled=y (and Provisioning.Agent=auto) in /etc/waagent.conf, restart the agent, and retry the backup.',
  'cause.extensions-disabled.manual': 'Check Extensions.Enabled and Provisioning.Agent in /etc/waagent.conf.',

  'cause.fsfreeze-failed.title': 'A file system could not be frozen or thawed for the snapshot',
  'cause.fsfreeze-failed.fix': 'Find the mount point named in the log; unmount it, run fsck and remount it, or remove duplicate mounts. If it cannot be frozen, list it in MountsToSkip under [SnapshotThread] in /etc/azure/vmbackup.conf. Then retry the backup.',
  'cause.fsfreeze-failed.manual': 'Run `mount` and `findmnt` on the VM and try `fsfreeze -f <mount> && fsfreeze -u <mount>` on each data mount.',

  'cause.prepost-script-failed.title': 'An application-consistency pre/post script failed',
  'cause.prepost-script-failed.fix': 'Fix the script named in the log and /etc/azure/VMSnapshotScriptPluginConfig.json: the paths must exist, both files must be owned by root with restrictive permissions (600 for the config, 700 for scripts), and the script must finish within timeoutInSeconds.',
  'cause.prepost-script-failed.manual': 'Check /etc/azure/VMSnapshotScriptPluginConfig.json and the scripts it names (existence, owner root, permissions).',

  'cause.snapshot-limit-reached.title': 'A disk has reached its blob snapshot limit',
  'cause.snapshot-limit-reached.fix.linux': 'Delete blob snapshots of the disk that are no longer needed (check soft-delete retention too). If Azure Site Recovery also protects the VM, set isanysnapshotfailed=false in /etc/azure/vmbackup.conf and spread the schedules.',
  'cause.snapshot-limit-reached.fix.windows': 'Delete blob snapshots of the disk that are no longer needed (check soft-delete retention too). If Azure Site Recovery also protects the VM, spread the schedules of the two.',
  'cause.snapshot-limit-reached.manual': 'Count the snapshots of each disk blob in the storage account.',

  'cause.certificate-failure.title': 'Protected settings cannot be decrypted (certificates / openssl)',
  'cause.certificate-failure.fix': 'Make sure openssl is installed and the agent can run it (OS.OpensslPath in /etc/waagent.conf), check FIPS settings, then restart the agent so it fetches the goal state and certificates again.',
  'cause.certificate-failure.manual': 'Run `openssl version` on the VM and look for Certificates.pem and <thumbprint>.prv files in /var/lib/waagent.',

  'cause.status-upload-failed.title': 'The agent is alive but cannot upload its status',
  'cause.status-upload-failed.fix': 'Let the VM reach the status blob in storage (HTTPS 443) and the host plugin (168.63.129.16:32526); if the network is fine, retry later — the status blob may be failing on the platform side — and open a support case if it persists.',
  'cause.status-upload-failed.manual': 'Check the VM agent status in the portal (Ready / Not Ready).',

  'cause.other-extension-failed.title': 'Another extension failed and left the VM in a failed state',
  'cause.other-extension-failed.fix': 'Fix or remove the failing extension named in the evidence (portal: VM > Extensions) so the VM returns to a succeeded provisioning state, then retry the backup.',
  'cause.other-extension-failed.manual': 'Check every extension state in the portal (VM > Extensions).',

  'cause.platform-transient.title': 'A transient error on the Azure host side',
  'cause.platform-transient.fix': 'Retry the backup in a few minutes; if it keeps failing with the same host-side error, open a support case with Microsoft.',
  'cause.platform-transient.manual': 'Retry the job; check Azure Service Health for the region.',

  // ---- findings shared by several causes
  'finding.rule-failed': 'this rule failed on the bundle ({error}); check the cause by hand',
  'finding.missing.agent-log': 'no agent log in the bundle',
  'finding.missing.agent-or-vmsnapshot-log': 'no agent or VMSnapshot log in the bundle',
  'finding.missing.vmsnapshot-log': 'no VMSnapshot log or status file in the bundle',

  // ---- findings of each cause
  'finding.stale-goal-state-files.no-log': 'no agent log and no goal-state files in the bundle',
  'finding.stale-goal-state-files.none': 'the agent never reported a missing GoalState/ExtensionsConfig file',
  'finding.stale-goal-state-files.missing': 'the agent reports its cached goal-state file as missing {times} time(s) (incarnation {incarnations})',
  'finding.stale-goal-state-files.numbered': '{files} numbered goal-state files cached beside an agent older than 2.8',

  'finding.no-network.none': 'no connection failure to 168.63.129.16 or storage was logged',
  'finding.no-network.failures': 'connection failures: {parts}',
  'finding.no-network.failure': '{@target} — {@how} ({count}×)',
  'finding.no-network.failure-as': '{@target} — {mechanism} ({count}×)',
  'finding.no-network.result-code': 'VMSnapshot result code {codes} (no network)',
  'finding.no-network.proxy': 'proxy configured ({settings})',
  'finding.no-network.path-gone': 'in {count} of them the path itself is gone (no route in the guest, or every attempt to 168.63.129.16 unanswered until the agent gave up), and the agent never reached the host afterwards',
  'finding.no-network.isolated': 'isolated: nothing else in the bundle shows the network down',
  'finding.no-network.sporadic': 'each failed once, half an hour or more apart: the agent uploads its status every few seconds, and the uploads between them got through',
  'finding.no-network.retried': 'each was retried successfully',
  'finding.no-network.target.wireserver': 'WireServer 168.63.129.16:80',
  'finding.no-network.target.hostplugin': 'host plugin 168.63.129.16:32526',
  'finding.no-network.target.storage': 'Azure Storage (*.blob)',
  'finding.no-network.target.other': 'an outside host',
  'finding.no-network.how.timeout': 'timed out (packets dropped: NSG/firewall)',
  'finding.no-network.how.refused': 'connection refused (local reject)',
  'finding.no-network.how.no-route': 'no route to host',
  'finding.no-network.how.unreachable': 'network unreachable',
  'finding.no-network.how.reset': 'connection reset',
  'finding.no-network.how.proxy': 'proxy error',
  'finding.no-network.how.tls': 'TLS failure',
  'finding.no-network.how.dns': 'name resolution failed',
  'finding.no-network.how.unknown': 'failed',

  'finding.agent-unresponsive.alive': 'the agent was writing records around the backup time and did not crash',
  'finding.agent-unresponsive.restarted': 'the agent restarted {crashes} time(s) but was running and reporting around the backup',
  'finding.agent-unresponsive.signs': '{parts}',
  'finding.agent-unresponsive.crash-loop': 'the agent crashed {crashes} time(s), three or more within an hour',
  'finding.agent-unresponsive.stayed-down': 'the agent crashed and wrote no heartbeat after it ({crashes} crash record(s))',
  'finding.agent-unresponsive.crashes': '{crashes} agent crash/restart record(s)',
  'finding.agent-unresponsive.blacklisted': 'the agent blacklisted its own version after repeated crashes',
  'finding.agent-unresponsive.silent': 'the agent log stops at {stopsAt}, {hours} h before the backup at {jobStart}',

  'finding.agent-outdated.no-log': 'no agent log: the agent version is unknown',
  'finding.agent-outdated.current': 'the agent runs version {version}, at or above the minimum {min} that applied when the logs were written',
  'finding.agent-outdated.signs': '{parts}',
  'finding.agent-outdated.old': 'the agent runs version {version}, below the minimum supported {min} at the time of the logs',
  'finding.agent-outdated.autoupdate-off': 'auto-update is off in waagent.conf',
  'finding.agent-outdated.old-format': 'agent log lines have the {gen} format, written only by agents up to {max}',
  'finding.agent-outdated.updates-failing': 'agent updates are disabled or failing',
  'finding.agent-outdated.updates-off': 'agent updates are disabled or failing (AutoUpdate off in waagent.conf)',
  'finding.agent-outdated.before-minimum': 'the logs predate any published minimum agent version (agent {version})',
  'finding.agent-outdated.unreadable': 'the agent version {version} cannot be read as a number',
  'finding.agent-outdated.unknown': 'the bundle does not say which agent version runs',

  'finding.snapshot-sql-vss.messages': 'VSS/SQL Server messages in the Windows VMSnapshot log',
  'finding.snapshot-sql-vss.no-sign': 'no VSS or SQL Server message in the bundle (only a Windows VMSnapshot log shows them)',

  'finding.snapshot-vm-shutdown.no-log': 'no agent log or syslog to see shutdowns',
  'finding.snapshot-vm-shutdown.no-job': 'the backup time is unknown, so a shutdown cannot be tied to it',
  'finding.snapshot-vm-shutdown.none': 'no shutdown or agent stop was logged during the backup window',
  'finding.snapshot-vm-shutdown.shut-down': 'the guest shut down during the backup window',
  'finding.snapshot-vm-shutdown.shut-down-restarted': 'the guest shut down during the backup window and started again afterwards',
  'finding.snapshot-vm-shutdown.agent-stopped': 'the guest stopped the agent (signal 15) during the backup window',
  'finding.snapshot-vm-shutdown.agent-stopped-restarted': 'the guest stopped the agent (signal 15) during the backup window and started again afterwards',

  'finding.snapshot-concurrent-backups.none': 'storage never throttled the snapshot calls',
  'finding.snapshot-concurrent-backups.throttled': 'storage throttled the snapshot calls {times} time(s) (code 173, snapshot rate exceeded)',

  'finding.snapshot-high-load.no-log': 'no VMSnapshot, agent or kernel log in the bundle',
  'finding.snapshot-high-load.none': 'no timeout, delay or memory pressure was logged',
  'finding.snapshot-high-load.signs': '{parts}',
  'finding.snapshot-high-load.crp-timeout': 'the extension started too late and gave up (CRP timeout, code 402)',
  'finding.snapshot-high-load.agent-timeout': 'the VMSnapshot command hit the agent timeout',
  'finding.snapshot-high-load.agent-timeout-throttled': 'the VMSnapshot command hit the agent timeout while CPU-throttled',
  'finding.snapshot-high-load.transitioning': 'the last status is still "transitioning" (code 4)',
  'finding.snapshot-high-load.freeze-timeout': 'the file-system freeze timed out',
  'finding.snapshot-high-load.kernel': '{messages} OOM/hung-task kernel message(s) near the backup',

  'finding.dhcp-disabled.no-log': 'no agent log, syslog or DHCP lease in the bundle',
  'finding.dhcp-disabled.none': 'the agent found the WireServer and no DHCP trouble was logged',
  'finding.dhcp-disabled.signs': '{parts}',
  'finding.dhcp-disabled.retried': 'DHCP endpoint discovery retried {records} time(s), then the agent reached the WireServer',
  'finding.dhcp-disabled.not-discovered': 'the agent could not discover the WireServer through DHCP ({records} record(s))',
  'finding.dhcp-disabled.no-option-245': 'the DHCP lease has no option 245',
  'finding.dhcp-disabled.no-route': 'no route to 168.63.129.16',
  'finding.dhcp-disabled.syslog-errors': 'DHCP client errors in syslog',

  'finding.extension-load-failed.no-log': 'no agent log or handler state in the bundle',
  'finding.extension-load-failed.ran': 'VMSnapshot installed and ran without load errors',
  'finding.extension-load-failed.signs': '{parts}',
  'finding.extension-load-failed.op-failed': 'VMSnapshotLinux {ops} failed {times} time(s)',
  'finding.extension-load-failed.op-failed-exit': 'VMSnapshotLinux {ops} failed {times} time(s) (exit code {codes})',
  'finding.extension-load-failed.command-failed': 'VMSnapshotLinux command failed {times} time(s)',
  'finding.extension-load-failed.command-failed-exit': 'VMSnapshotLinux command failed {times} time(s) (exit code {codes})',
  'finding.extension-load-failed.python-import': 'Python cannot import {modules}: the extension build does not support this Python',
  'finding.extension-load-failed.downgrade': 'the agent refused a downgrade of the extension',
  'finding.extension-load-failed.handler-state': 'handler state {state}',
  'finding.extension-load-failed.not-ready': 'handler status NotReady',
  'finding.extension-load-failed.no-python': 'handle.sh found no Python',
  'finding.extension-load-failed.processing-failed': 'the agent\'s pass over the extension handlers failed {times} time(s), so VMSnapshot was not processed',
  'finding.extension-load-failed.processing-passed': 'the agent\'s pass over the extension handlers failed {times} time(s), but a later pass reached VMSnapshot',
  'finding.extension-load-failed.reinstalled': 'the agent removed the VMSnapshot handler directory and had to install the same version again: its install keeps failing',
  'finding.extension-load-failed.code-error': 'the extension\'s own code failed {times} time(s) in a backup step ({error}): it does not fit this Python or the VM agent library it uses',

  'finding.classic-vm-agent-not-provisioned.no-log': 'no ovf-env.xml, agent log or disable_agent marker in the bundle',
  'finding.classic-vm-agent-not-provisioned.provisioned': 'the agent was provisioned and is not disabled',
  'finding.classic-vm-agent-not-provisioned.signs': '{parts}',
  'finding.classic-vm-agent-not-provisioned.ovf-false': 'ovf-env.xml says ProvisionGuestAgent=false',
  'finding.classic-vm-agent-not-provisioned.disabled': 'the agent disabled itself (disable_agent)',
  'finding.classic-vm-agent-not-provisioned.classic': 'classic VM',

  'finding.restore-point-limit.service-side': 'the guest side looks healthy; the reported error is about restore points, which only the service side can show',
  'finding.restore-point-limit.not-in-guest': 'restore points live in the service: the guest bundle cannot show them',

  'finding.disk-too-large.no-sizes': 'the bundle holds no kernel lines with disk sizes',
  'finding.disk-too-large.within': 'all {disks} disk(s) seen are within the {limit} limit',
  'finding.disk-too-large.too-large': '{disks} exceeds the {limit} limit',
  'finding.disk-too-large.too-large-encrypted': '{disks} exceeds the {limit} limit for encrypted disks',

  'finding.extensions-disabled.no-log': 'no waagent.conf and no agent log in the bundle',
  'finding.extensions-disabled.enabled': 'extension processing is enabled',
  'finding.extensions-disabled.signs': '{parts}',
  'finding.extensions-disabled.conf': 'waagent.conf sets Extensions.Enabled=n',
  'finding.extensions-disabled.log': 'the agent says extension processing is disabled',
  'finding.extensions-disabled.provisioning-disabled': 'Provisioning.Agent=disabled',

  'finding.fsfreeze-failed.none': 'the file systems froze and thawed without error',
  'finding.fsfreeze-failed.signs': '{parts}',
  'finding.fsfreeze-failed.cannot-open': 'a mount point could not be opened (code 123)',
  'finding.fsfreeze-failed.timed-out': 'the freeze timed out (code 122)',
  'finding.fsfreeze-failed.failed': 'the freeze failed (code 121)',
  'finding.fsfreeze-failed.never-thawed': 'the file systems were frozen and no thaw follows in the log',
  'finding.fsfreeze-failed.errors': 'freeze/thaw errors',
  'finding.fsfreeze-failed.on': '{@what} on {mounts}',
  'finding.fsfreeze-failed.last-mount': 'the freeze binary was last freezing {mount}',

  'finding.prepost-script-failed.none': 'no pre/post script failure was logged',
  'finding.prepost-script-failed.failed': 'pre/post script framework failed',
  'finding.prepost-script-failed.failed-named': 'pre/post script framework failed ({names})',

  'finding.snapshot-limit-reached.none': 'storage never refused a snapshot for the snapshot count',
  'finding.snapshot-limit-reached.exceeded': 'storage refused the snapshot: the snapshot count of the blob is exceeded (code 85)',

  'finding.certificate-failure.none': 'no certificate or decryption error was logged',
  'finding.certificate-failure.failed': 'protected settings could not be decrypted ({records} record(s))',

  'finding.status-upload-failed.none': 'the agent uploaded its status without error',
  'finding.status-upload-failed.failed': 'status upload failed {times} time(s)',
  'finding.status-upload-failed.failed-alive': 'status upload failed {times} time(s) while the agent kept running',
  'finding.status-upload-failed.failed-both': 'status upload failed {times} time(s), through both channels',
  'finding.status-upload-failed.failed-both-alive': 'status upload failed {times} time(s), through both channels while the agent kept running',

  'finding.other-extension-failed.no-log': 'no agent log or extension status in the bundle',
  'finding.other-extension-failed.none': 'no other extension reported a failure',
  'finding.other-extension-failed.failing': 'extension(s) failing: {names}',
  'finding.other-extension-failed.signs': '{parts}',
  'finding.other-extension-failed.processing': 'the agent\'s pass over the extension handlers failed on the files of {names} ({times} time(s)), so no extension after it was processed',
  'finding.other-extension-failed.reinstalled': 'the agent removed the handler directory of {names} and had to install the same version again: its install keeps failing',
  'finding.other-extension-failed.cannot-run': '{names} could not run a command it needs (exit code {codes}: not executable or not found)',
  'finding.other-extension-failed.commands': '{names} logged failed commands (exit code {codes})',
  'finding.other-extension-failed.unfetched': '{names} could not be fetched right after the host answered with server errors: the host failed it, the extension never ran',

  'finding.platform-transient.none': 'no host-side error (a 5xx answer, or the host plugin refusing an extension artifact) was logged',
  'finding.platform-transient.signs': '{parts}',
  'finding.platform-transient.server-errors': 'the host answered with server errors {times} time(s)',
  'finding.platform-transient.artifact-refused': 'the host plugin refused {times} extension artifact download(s) (HTTP {codes}), as it does when its record of the VM is out of date (after a live migration)',
  'finding.platform-transient.artifact-retried': 'the agent processed a goal state soon after each refusal, so the download was tried again',
  'finding.platform-transient.guest-healthy': 'the guest stayed healthy',

  // ---- the verdict's reasons (src/verdict/verdict.ts)
  'reason.caused-by-condition': 'the failure {failure} is one the background condition {condition} is documented to cause: fix both',
  'reason.condition-only': 'no failure of this backup is evident, so the background condition {condition} is named',
  'reason.nothing-recognised': 'nothing in the bundle was recognised as an Azure VM log',
  'reason.missing-logs': 'the bundle lacks logs the verdict needs: {kinds}',
  'reason.partial': 'the bundle is partial (entries were skipped or cut), so a failure may be hidden in what was not read',
  'reason.service-side': 'the causes of {code} are not visible in the guest: check them on the service side (the Backup job details in the Azure portal)',
  'reason.unrelated-failure': 'the logs show a failure that {code} does not lead to: {causes}; check whether the error code is the one of this backup',
  'reason.check-by-hand': 'no cause of {code} is shown in the logs; check these by hand: {causes}',
  'reason.collect': 'collect the logs: on Linux run `sudo waagent -collect-logs` and send the zip it writes (/var/lib/waagent/logcollector/logs.zip), or copy /var/log/waagent.log, /var/log/azure and /var/lib/waagent by hand; on Windows copy C:\\WindowsAzure\\Logs and C:\\Packages\\Plugins',
  'reason.no-job': 'the bundle holds no record of the backup job (no VMSnapshot settings, status or run), so it cannot say the job had no failure',
  'reason.job-covered': 'the logs cover the backup job from {start} to {end} (status code {code}) and show no failure',
  'reason.unknown-code': 'azlog does not know the error code {code}: the symptom is inferred from the logs instead (see `azlog causes --symptoms`)',
} as const;

export type FindingKey = keyof typeof FINDINGS_EN;

register('en', FINDINGS_EN);
