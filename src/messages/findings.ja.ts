/**
 * Japanese texts of the causes, the findings and the verdict's reasons, in one polite register
 * (です・ます). Every note is a whole sentence ending in 。, so composite notes join their parts
 * without a separator. Typed by the English table: a missing id fails the build.
 */
import { register } from './catalogue.js';
import type { FindingKey } from './findings.en.js';

export const FINDINGS_JA: Record<FindingKey, string> = {
  'parts.separator': '',
  'cause.fix.both': 'Linux の場合: {@linux} Windows の場合: {@windows}',
  'cause.manual.both': 'Linux の場合: {@linux} Windows の場合: {@windows}',

  // ---- 原因: 表題、対処 (OS ごとに異なる場合は OS 別)、手動で確認すること
  'cause.stale-goal-state-files.title': '/var/lib/waagent に古いゴール ステートのキャッシュ ファイルが残っています',
  'cause.stale-goal-state-files.fix': '`sudo rm -f /var/lib/waagent/*.[0-9]*.xml` で番号付きのキャッシュ ファイルを削除し、エージェント (walinuxagent または waagent) を再起動してから、バックアップを再実行してください。',
  'cause.stale-goal-state-files.manual': '/var/lib/waagent を一覧し、GoalState.N.xml / ExtensionsConfig.N.xml が多数残っていないか確認してください。',

  'cause.no-network.title': 'VM が Azure (168.63.129.16 またはストレージ) に接続できません',
  'cause.no-network.fix.linux': 'NSG とゲスト内のファイアウォールで Azure データセンターの IP 範囲またはサービス タグ (Storage) への送信を許可するか、/etc/waagent.conf の HttpProxy.Host/HttpProxy.Port で HTTP プロキシ経由にしてください。168.63.129.16 のポート 80・443・32526 は決してブロックしないでください。マネージド ディスクではポート 8443 も必要な場合があります。',
  'cause.no-network.fix.windows': 'NSG と Windows ファイアウォールで Azure データセンターの IP 範囲またはサービス タグ (Storage) への送信を許可するか、ローカル システム アカウントに設定した HTTP プロキシ経由にしてください。168.63.129.16 のポート 80・443・32526 は決してブロックしないでください。マネージド ディスクではポート 8443 も必要な場合があります。',
  'cause.no-network.manual.linux': 'VM 内で `curl http://168.63.129.16/?comp=versions` とストレージ アカウントへの HTTPS 接続を試し、NSG の送信規則と iptables を確認してください。',
  'cause.no-network.manual.windows': 'VM 内で `Test-NetConnection 168.63.129.16 -Port 80` と `Test-NetConnection 168.63.129.16 -Port 32526`、ストレージ アカウントへの HTTPS 接続を試し、NSG の送信規則と Windows ファイアウォールを確認してください。',

  'cause.agent-unresponsive.title': 'VM エージェントが動作していないか、応答していません',
  'cause.agent-unresponsive.fix.linux': 'エージェントを再起動し (Ubuntu/Debian は `sudo systemctl restart walinuxagent`、その他は `sudo systemctl restart waagent`)、動作し続けることを確認してください。クラッシュを繰り返す場合はディストリビューションのパッケージから再インストールしてください。',
  'cause.agent-unresponsive.fix.windows': 'services.msc で Windows Azure Guest Agent サービスを再起動し、動作し続けることを確認してください。サービスが見つからないか停止を繰り返す場合は、[プログラムと機能] からエージェントをアンインストールし、最新のエージェント MSI を管理者としてインストールし、.NET Framework 4.5 以降があることを確認してから、オンデマンド バックアップを実行してください。',
  'cause.agent-unresponsive.manual.linux': 'VM 上で `systemctl status walinuxagent` (または waagent) と `ps -ef | grep waagent` を実行してください。',
  'cause.agent-unresponsive.manual.windows': 'VM 上で `Get-Service WindowsAzureGuestAgent` を実行し、バックアップ時刻前後の C:\\WindowsAzure\\Logs\\WaAppAgent.log を確認してください。',

  'cause.agent-outdated.title': 'Linux VM エージェントが古くなっています',
  'cause.agent-outdated.fix': 'WALinuxAgent をディストリビューションのリポジトリ (GitHub ではなく) から {min} 以降に更新し、動作していることを確認し (`ps -e | grep waagent`)、自動更新のため AutoUpdate.Enabled=y のままにしてください。詳細なログが必要なら Logs.Verbose=y を設定し、バックアップを再試行してください。',
  'cause.agent-outdated.manual': 'VM で `waagent --version` を実行し、ゴール ステート エージェントのバージョンを {min} と比較してください。',

  'cause.snapshot-sql-vss.title': 'SQL Server のバックアップが VSS スナップショットを遅らせています (Windows)',
  'cause.snapshot-sql-vss.fix': 'Windows VM でレジストリ HKLM\\SOFTWARE\\Microsoft\\BCDRAGENT に USEVSSCOPYBACKUP="TRUE" を設定し、Azure Backup が完全バックアップではなく VSS コピー バックアップを取るようにしてください。',
  'cause.snapshot-sql-vss.manual': 'VM で SQL Server のバックアップが動いているか、BCDRAGENT のレジストリ値を確認してください。',

  'cause.snapshot-vm-shutdown.title': 'バックアップの前後にゲスト内から VM がシャットダウンされました',
  'cause.snapshot-vm-shutdown.fix': 'ゲスト内からではなく Azure portal (または CLI) から VM をシャットダウンし、プラットフォームが正しい状態を把握できるようにしてから、バックアップを再実行してください。',
  'cause.snapshot-vm-shutdown.manual.linux': 'アクティビティ ログと `last -x shutdown reboot` で、バックアップ時刻にシャットダウンがなかったか確認してください。',
  'cause.snapshot-vm-shutdown.manual.windows': 'アクティビティ ログとシステム イベント ログ (イベント 1074 と 6006) で、バックアップ時刻にシャットダウンがなかったか確認してください。',

  'cause.snapshot-concurrent-backups.title': '同時に多数のバックアップが実行され、スナップショットの呼び出しが制限されました',
  'cause.snapshot-concurrent-backups.fix': '同じクラウド サービスやストレージ アカウントを共有する VM のバックアップ スケジュールを時間帯で分散させてから、再試行してください。',
  'cause.snapshot-concurrent-backups.manual': '同じストレージ アカウントまたはクラウド サービスにある VM のバックアップ ポリシーを比較してください。',

  'cause.snapshot-high-load.title': 'VM の負荷が高く、スナップショット タスクが遅延またはタイムアウトしました',
  'cause.snapshot-high-load.fix': '負荷の低い時間帯にオンデマンド バックアップを実行してください。CPU やメモリの使用率が約 90% を超え続ける場合は、より大きな VM サイズに変更してください。',
  'cause.snapshot-high-load.manual': 'Azure Monitor で、バックアップ時刻の VM の CPU とメモリのメトリックを確認してください。',

  'cause.dhcp-disabled.title': 'ゲストで DHCP が無効になっており、エージェントが WireServer を見つけられません',
  'cause.dhcp-disabled.fix': 'ゲスト内の DHCP は有効のままにしてください (リースのオプション 245 が WireServer のアドレスを伝えます)。固定のプライベート IP が必要な場合は、ゲスト内ではなく Azure の NIC 側で静的に設定してください。',
  'cause.dhcp-disabled.manual.linux': 'ゲストのネットワーク設定 (netplan の dhcp4、ifcfg の BOOTPROTO) と、DHCP リースにオプション 245 があるかを確認してください。',
  'cause.dhcp-disabled.manual.windows': 'VM で `ipconfig /all` を実行し、ネットワーク アダプターで DHCP が有効になっているか確認してください。',

  'cause.extension-load-failed.title': 'バックアップ拡張機能 (VMSnapshot) のインストールまたは読み込みに失敗しています',
  'cause.extension-load-failed.fix.linux': 'VMSnapshot 拡張機能をアンインストールし (ポータルの VM > 拡張機能、または `az vm extension delete`)、次回のバックアップで新しくインストールされるようにしてください。VM エージェントを更新し、サポートされる Python があることを確認してください。',
  'cause.extension-load-failed.fix.windows': 'iaasvmprovider サービスが有効で、スタートアップの種類が [自動] になっているか確認してください。それでも失敗する場合は VMSnapshot 拡張機能をアンインストールし (ポータルの VM > 拡張機能)、次回のバックアップで新しくインストールされるようにしてください。',
  'cause.extension-load-failed.manual.linux': 'ポータル (VM > 拡張機能) の拡張機能の状態と /var/lib/waagent/Microsoft.Azure.RecoveryServices.VMSnapshotLinux-*/config/HandlerState を確認してください。',
  'cause.extension-load-failed.manual.windows': 'ポータル (VM > 拡張機能) の拡張機能の状態と、services.msc の iaasvmprovider サービスを確認してください。',

  'cause.classic-vm-agent-not-provisioned.title': 'VM エージェントがプロビジョニングされていません (ProvisionGuestAgent が false)',
  'cause.classic-vm-agent-not-provisioned.fix.linux': 'クラシック VM の場合は、クラシックの Azure PowerShell で ProvisionGuestAgent を true にしてください (Get-AzureVM、$vm.VM.ProvisionGuestAgent = $true、Update-AzureVM)。/var/lib/waagent/disable_agent を削除してエージェントを再起動し、再試行してください。',
  'cause.classic-vm-agent-not-provisioned.fix.windows': 'VM エージェントをインストールし、クラシック VM の場合はクラシックの Azure PowerShell で ProvisionGuestAgent を true にしてから (Get-AzureVM、$vm.VM.ProvisionGuestAgent = $true、Update-AzureVM)、再試行してください。',
  'cause.classic-vm-agent-not-provisioned.manual.linux': '/var/lib/waagent/ovf-env.xml の ProvisionGuestAgent と、/var/lib/waagent/disable_agent の有無を確認してください。',
  'cause.classic-vm-agent-not-provisioned.manual.windows': 'クラシックの Azure PowerShell (Get-AzureVM) で $vm.VM.ProvisionGuestAgent の値を確認してください。',

  'cause.restore-point-limit.title': '復元ポイント コレクションの上限に達しました (多くはリソース グループのロックが原因です)',
  'cause.restore-point-limit.fix': '復元ポイントを保持するリソース グループ (AzureBackupRG_<geo>_<n>) のロックを解除し、復元ポイント コレクションを削除して (または次回のバックアップに整理させて)、バックアップを再実行してください。ロックを戻すと問題が再発します。',
  'cause.restore-point-limit.manual': 'サービス側で、AzureBackupRG_* リソース グループのロックと、復元ポイントの数 (上限 18) を確認してください。',

  'cause.disk-too-large.title': 'Azure Backup がサポートするサイズを超えるディスクがあります',
  'cause.disk-too-large.fix': '小さいディスクを接続してデータをコピーし、サイズ超過のディスクを切り離してからバックアップしてください (上限: ディスクあたり {limit}、暗号化ディスクは {encryptedLimit})。',
  'cause.disk-too-large.manual': 'ポータル (VM > ディスク) ですべてのデータ ディスクのサイズを確認してください。',

  'cause.extensions-disabled.title': '/etc/waagent.conf で拡張機能の処理が無効になっています',
  'cause.extensions-disabled.fix': '/etc/waagent.conf で Extensions.Enabled=y (および Provisioning.Agent=auto) を設定し、エージェントを再起動してからバックアップを再試行してください。',
  'cause.extensions-disabled.manual': '/etc/waagent.conf の Extensions.Enabled と Provisioning.Agent を確認してください。',

  'cause.fsfreeze-failed.title': 'スナップショットのためのファイル システムのフリーズまたは解除に失敗しました',
  'cause.fsfreeze-failed.fix': 'ログに記録されたマウント ポイントを特定し、アンマウントして fsck を実行してから再マウントするか、重複したマウントを取り除いてください。フリーズできない場合は /etc/azure/vmbackup.conf の [SnapshotThread] にある MountsToSkip に追加してください。その後バックアップを再試行してください。',
  'cause.fsfreeze-failed.manual': 'VM で `mount` と `findmnt` を実行し、各データ マウントで `fsfreeze -f <mount> && fsfreeze -u <mount>` を試してください。',

  'cause.prepost-script-failed.title': 'アプリケーション整合性のための事前/事後スクリプトが失敗しました',
  'cause.prepost-script-failed.fix': 'ログに示されたスクリプトと /etc/azure/VMSnapshotScriptPluginConfig.json を修正してください。パスが存在し、どちらも root 所有で権限が厳しく (設定は 600、スクリプトは 700)、timeoutInSeconds 以内に終了する必要があります。',
  'cause.prepost-script-failed.manual': '/etc/azure/VMSnapshotScriptPluginConfig.json とそこで指定されたスクリプト (存在、root 所有、権限) を確認してください。',

  'cause.snapshot-limit-reached.title': 'ディスクの BLOB スナップショット数が上限に達しました',
  'cause.snapshot-limit-reached.fix.linux': '不要になったディスクの BLOB スナップショットを削除してください (論理削除の保持期間も確認してください)。Azure Site Recovery でも保護している場合は /etc/azure/vmbackup.conf で isanysnapshotfailed=false を設定し、スケジュールを分散してください。',
  'cause.snapshot-limit-reached.fix.windows': '不要になったディスクの BLOB スナップショットを削除してください (論理削除の保持期間も確認してください)。Azure Site Recovery でも保護している場合は、両者のスケジュールを分散してください。',
  'cause.snapshot-limit-reached.manual': 'ストレージ アカウントで各ディスク BLOB のスナップショット数を確認してください。',

  'cause.certificate-failure.title': '保護された設定を復号できません (証明書 / openssl)',
  'cause.certificate-failure.fix': 'openssl がインストールされ、エージェントが実行できることを確認し (/etc/waagent.conf の OS.OpensslPath)、FIPS の設定を確認してから、エージェントを再起動してゴール ステートと証明書を再取得させてください。',
  'cause.certificate-failure.manual': 'VM で `openssl version` を実行し、/var/lib/waagent に Certificates.pem と <thumbprint>.prv があるか確認してください。',

  'cause.status-upload-failed.title': 'エージェントは動作していますが、状態をアップロードできません',
  'cause.status-upload-failed.fix': 'VM からストレージ上の状態 BLOB (HTTPS 443) とホスト プラグイン (168.63.129.16:32526) に到達できるようにしてください。ネットワークに問題がなければ、プラットフォーム側の状態 BLOB の問題の可能性があるため時間をおいて再試行し、続く場合はサポート リクエストを作成してください。',
  'cause.status-upload-failed.manual': 'ポータルで VM エージェントの状態 (Ready / Not Ready) を確認してください。',

  'cause.other-extension-failed.title': '別の拡張機能が失敗し、VM がエラー状態になっています',
  'cause.other-extension-failed.fix': '根拠に示された失敗している拡張機能を修正または削除し (ポータルの VM > 拡張機能)、VM のプロビジョニング状態を成功に戻してから、バックアップを再試行してください。',
  'cause.other-extension-failed.manual': 'ポータル (VM > 拡張機能) ですべての拡張機能の状態を確認してください。',

  'cause.platform-transient.title': 'Azure ホスト側で一時的なエラーが起きました',
  'cause.platform-transient.fix': '数分後にバックアップを再試行してください。同じホスト側のエラーで失敗し続ける場合は、Microsoft にサポート リクエストを作成してください。',
  'cause.platform-transient.manual': 'ジョブを再試行し、リージョンの Azure Service Health を確認してください。',

  // ---- 複数の原因で共通の所見
  'finding.rule-failed': 'この規則はバンドルの処理中に失敗しました ({error})。この原因は手動で確認してください。',
  'finding.missing.agent-log': 'バンドルにエージェントのログがありません。',
  'finding.missing.agent-or-vmsnapshot-log': 'バンドルにエージェントのログも VMSnapshot のログもありません。',
  'finding.missing.vmsnapshot-log': 'バンドルに VMSnapshot のログも状態ファイルもありません。',

  // ---- 原因ごとの所見
  'finding.stale-goal-state-files.no-log': 'バンドルにエージェントのログもゴール ステートのファイルもありません。',
  'finding.stale-goal-state-files.none': 'エージェントは GoalState/ExtensionsConfig ファイルの欠落を一度も報告していません。',
  'finding.stale-goal-state-files.missing': 'エージェントがキャッシュしたゴール ステートのファイルが見つからないと {times} 回報告しています (インカーネーション {incarnations})。',
  'finding.stale-goal-state-files.numbered': '2.8 より古いエージェントのもとに、番号付きのゴール ステートのファイルが {files} 個キャッシュされています。',

  'finding.no-network.none': '168.63.129.16 やストレージへの接続の失敗は記録されていません。',
  'finding.no-network.failures': '接続の失敗が記録されています。{parts}',
  'finding.no-network.failure': '{@target} への接続で「{@how}」が {count} 回起きました。',
  'finding.no-network.failure-as': '{@target} への接続で {mechanism} が {count} 回起きました。',
  'finding.no-network.result-code': 'VMSnapshot の結果コードは {codes} (ネットワークなし) です。',
  'finding.no-network.proxy': 'プロキシが設定されています ({settings})。',
  'finding.no-network.path-gone': '{count} 件は経路そのものが失われていることを示しています (ゲストに経路がない、または 168.63.129.16 への試行がすべて応答なしのままエージェントが断念した)。その後エージェントがホストに到達した記録はありません。',
  'finding.no-network.isolated': 'ほかにネットワーク障害を示す記録はなく、単発の失敗です。',
  'finding.no-network.sporadic': 'いずれも 30 分以上の間隔をあけた 1 回ずつの失敗です。エージェントは数秒ごとに状態をアップロードしており、その間のアップロードは成功しています。',
  'finding.no-network.retried': 'いずれも再試行で成功しています。',
  'finding.no-network.target.wireserver': 'WireServer 168.63.129.16:80',
  'finding.no-network.target.hostplugin': 'ホスト プラグイン 168.63.129.16:32526',
  'finding.no-network.target.storage': 'Azure Storage (*.blob)',
  'finding.no-network.target.other': '外部のホスト',
  'finding.no-network.how.timeout': 'タイムアウト (パケットの破棄: NSG/ファイアウォール)',
  'finding.no-network.how.refused': '接続の拒否 (ローカルでの拒否)',
  'finding.no-network.how.no-route': 'ホストへの経路なし',
  'finding.no-network.how.unreachable': 'ネットワークに到達不能',
  'finding.no-network.how.reset': '接続のリセット',
  'finding.no-network.how.proxy': 'プロキシのエラー',
  'finding.no-network.how.tls': 'TLS の失敗',
  'finding.no-network.how.dns': '名前解決の失敗',
  'finding.no-network.how.unknown': '失敗',

  'finding.agent-unresponsive.alive': 'エージェントはバックアップ時刻の前後に記録を書いており、クラッシュしていません。',
  'finding.agent-unresponsive.restarted': 'エージェントは {crashes} 回再起動しましたが、バックアップの前後には動作して報告していました。',
  'finding.agent-unresponsive.signs': '{parts}',
  'finding.agent-unresponsive.crash-loop': 'エージェントが {crashes} 回クラッシュしており、1 時間以内に 3 回以上クラッシュしています。',
  'finding.agent-unresponsive.stayed-down': 'エージェントがクラッシュし、その後ハートビートを書いていません (クラッシュの記録 {crashes} 件)。',
  'finding.agent-unresponsive.crashes': 'エージェントのクラッシュまたは再起動の記録が {crashes} 件あります。',
  'finding.agent-unresponsive.blacklisted': 'エージェントはクラッシュを繰り返したため、自身のバージョンをブラックリストに入れました。',
  'finding.agent-unresponsive.silent': 'エージェントのログは {stopsAt} で途切れており、{jobStart} のバックアップの {hours} 時間前です。',

  'finding.agent-outdated.no-log': 'エージェントのログがないため、エージェントのバージョンはわかりません。',
  'finding.agent-outdated.current': 'エージェントのバージョンは {version} で、ログが書かれた時点の最小バージョン {min} 以上です。',
  'finding.agent-outdated.signs': '{parts}',
  'finding.agent-outdated.old': 'エージェントのバージョンは {version} で、ログが書かれた時点でサポートされていた最小バージョン {min} より古いです。',
  'finding.agent-outdated.autoupdate-off': 'waagent.conf で自動更新が無効になっています。',
  'finding.agent-outdated.old-format': 'エージェントのログ行は {gen} 形式で、この形式は {max} までのエージェントだけが書きます。',
  'finding.agent-outdated.updates-failing': 'エージェントの更新が無効になっているか、失敗しています。',
  'finding.agent-outdated.updates-off': 'エージェントの更新が無効になっているか、失敗しています (waagent.conf で AutoUpdate が無効)。',
  'finding.agent-outdated.before-minimum': 'ログは最小エージェント バージョンが公表される前のものです (エージェント {version})。',
  'finding.agent-outdated.unreadable': 'エージェントのバージョン {version} を数値として読み取れません。',
  'finding.agent-outdated.unknown': 'バンドルからは、どのバージョンのエージェントが動作しているかわかりません。',

  'finding.snapshot-sql-vss.messages': 'Windows の VMSnapshot ログに VSS/SQL Server のメッセージがあります。',
  'finding.snapshot-sql-vss.no-sign': 'バンドルに VSS や SQL Server のメッセージはありません (これを示すのは Windows の VMSnapshot ログだけです)。',

  'finding.snapshot-vm-shutdown.no-log': 'シャットダウンを確認できるエージェントのログも syslog もありません。',
  'finding.snapshot-vm-shutdown.no-job': 'バックアップの時刻がわからないため、シャットダウンをバックアップと結び付けられません。',
  'finding.snapshot-vm-shutdown.none': 'バックアップの時間帯にシャットダウンやエージェントの停止は記録されていません。',
  'finding.snapshot-vm-shutdown.shut-down': 'バックアップの時間帯にゲストがシャットダウンしました。',
  'finding.snapshot-vm-shutdown.shut-down-restarted': 'バックアップの時間帯にゲストがシャットダウンし、その後再び起動しました。',
  'finding.snapshot-vm-shutdown.agent-stopped': 'バックアップの時間帯にゲストがエージェントを停止しました (シグナル 15)。',
  'finding.snapshot-vm-shutdown.agent-stopped-restarted': 'バックアップの時間帯にゲストがエージェントを停止し (シグナル 15)、その後再び起動しました。',

  'finding.snapshot-concurrent-backups.none': 'ストレージがスナップショットの呼び出しを制限したことはありません。',
  'finding.snapshot-concurrent-backups.throttled': 'ストレージがスナップショットの呼び出しを {times} 回制限しました (コード 173、スナップショットの頻度の超過)。',

  'finding.snapshot-high-load.no-log': 'バンドルに VMSnapshot、エージェント、カーネルのいずれのログもありません。',
  'finding.snapshot-high-load.none': 'タイムアウト、遅延、メモリ不足は記録されていません。',
  'finding.snapshot-high-load.signs': '{parts}',
  'finding.snapshot-high-load.crp-timeout': '拡張機能の開始が遅すぎたため、処理をあきらめました (CRP のタイムアウト、コード 402)。',
  'finding.snapshot-high-load.agent-timeout': 'VMSnapshot のコマンドがエージェントのタイムアウトに達しました。',
  'finding.snapshot-high-load.agent-timeout-throttled': 'VMSnapshot のコマンドが、CPU が制限された状態でエージェントのタイムアウトに達しました。',
  'finding.snapshot-high-load.transitioning': '最後の状態はまだ「移行中」(コード 4) です。',
  'finding.snapshot-high-load.freeze-timeout': 'ファイル システムのフリーズがタイムアウトしました。',
  'finding.snapshot-high-load.kernel': 'バックアップの前後に、メモリ不足 (OOM) またはハングしたタスクを示すカーネルのメッセージが {messages} 件あります。',

  'finding.dhcp-disabled.no-log': 'バンドルにエージェントのログも syslog も DHCP リースもありません。',
  'finding.dhcp-disabled.none': 'エージェントは WireServer を見つけており、DHCP の問題は記録されていません。',
  'finding.dhcp-disabled.signs': '{parts}',
  'finding.dhcp-disabled.retried': 'DHCP によるエンドポイントの検出を {records} 回再試行した後、エージェントは WireServer に到達しました。',
  'finding.dhcp-disabled.not-discovered': 'エージェントは DHCP で WireServer を見つけられませんでした (記録 {records} 件)。',
  'finding.dhcp-disabled.no-option-245': 'DHCP リースにオプション 245 がありません。',
  'finding.dhcp-disabled.no-route': '168.63.129.16 への経路がありません。',
  'finding.dhcp-disabled.syslog-errors': 'syslog に DHCP クライアントのエラーがあります。',

  'finding.extension-load-failed.no-log': 'バンドルにエージェントのログもハンドラーの状態もありません。',
  'finding.extension-load-failed.ran': 'VMSnapshot は読み込みのエラーなくインストールされ、実行されました。',
  'finding.extension-load-failed.signs': '{parts}',
  'finding.extension-load-failed.op-failed': 'VMSnapshotLinux の {ops} が {times} 回失敗しました。',
  'finding.extension-load-failed.op-failed-exit': 'VMSnapshotLinux の {ops} が {times} 回失敗しました (終了コード {codes})。',
  'finding.extension-load-failed.command-failed': 'VMSnapshotLinux のコマンドが {times} 回失敗しました。',
  'finding.extension-load-failed.command-failed-exit': 'VMSnapshotLinux のコマンドが {times} 回失敗しました (終了コード {codes})。',
  'finding.extension-load-failed.python-import': 'Python が {modules} をインポートできません。この拡張機能のビルドはこの Python に対応していません。',
  'finding.extension-load-failed.downgrade': 'エージェントが拡張機能のダウングレードを拒否しました。',
  'finding.extension-load-failed.handler-state': 'ハンドラーの状態は {state} です。',
  'finding.extension-load-failed.not-ready': 'ハンドラーの状態は NotReady です。',
  'finding.extension-load-failed.no-python': 'handle.sh が Python を見つけられませんでした。',
  'finding.extension-load-failed.processing-failed': 'エージェントによる拡張機能ハンドラーの処理が {times} 回失敗したため、VMSnapshot は処理されませんでした。',
  'finding.extension-load-failed.processing-passed': 'エージェントによる拡張機能ハンドラーの処理が {times} 回失敗しましたが、その後の処理で VMSnapshot に到達しています。',
  'finding.extension-load-failed.reinstalled': 'エージェントが VMSnapshot のハンドラー ディレクトリを削除し、同じバージョンを再びインストールする必要がありました。インストールが失敗し続けています。',
  'finding.extension-load-failed.code-error': '拡張機能自身のコードがバックアップの処理中に {times} 回失敗しました ({error})。この Python または使用している VM エージェントのライブラリに対応していません。',

  'finding.classic-vm-agent-not-provisioned.no-log': 'バンドルに ovf-env.xml もエージェントのログも disable_agent の目印もありません。',
  'finding.classic-vm-agent-not-provisioned.provisioned': 'エージェントはプロビジョニングされており、無効にもなっていません。',
  'finding.classic-vm-agent-not-provisioned.signs': '{parts}',
  'finding.classic-vm-agent-not-provisioned.ovf-false': 'ovf-env.xml に ProvisionGuestAgent=false と書かれています。',
  'finding.classic-vm-agent-not-provisioned.disabled': 'エージェントが自身を無効にしました (disable_agent)。',
  'finding.classic-vm-agent-not-provisioned.classic': 'クラシック VM です。',

  'finding.restore-point-limit.service-side': 'ゲスト側は正常に見えます。報告されたエラーは復元ポイントに関するもので、サービス側でしか確認できません。',
  'finding.restore-point-limit.not-in-guest': '復元ポイントはサービス側にあるため、ゲストのバンドルからは確認できません。',

  'finding.disk-too-large.no-sizes': 'バンドルにディスク サイズを示すカーネルの行がありません。',
  'finding.disk-too-large.within': '確認できた {disks} 台のディスクはすべて上限 {limit} 以内です。',
  'finding.disk-too-large.too-large': '{disks} が上限 {limit} を超えています。',
  'finding.disk-too-large.too-large-encrypted': '{disks} が暗号化ディスクの上限 {limit} を超えています。',

  'finding.extensions-disabled.no-log': 'バンドルに waagent.conf もエージェントのログもありません。',
  'finding.extensions-disabled.enabled': '拡張機能の処理は有効です。',
  'finding.extensions-disabled.signs': '{parts}',
  'finding.extensions-disabled.conf': 'waagent.conf で Extensions.Enabled=n が設定されています。',
  'finding.extensions-disabled.log': '拡張機能の処理が無効であるとエージェントが報告しています。',
  'finding.extensions-disabled.provisioning-disabled': 'Provisioning.Agent=disabled が設定されています。',

  'finding.fsfreeze-failed.none': 'ファイル システムはエラーなくフリーズされ、解除されました。',
  'finding.fsfreeze-failed.signs': '{parts}',
  'finding.fsfreeze-failed.cannot-open': 'マウント ポイントを開けませんでした (コード 123)。',
  'finding.fsfreeze-failed.timed-out': 'フリーズがタイムアウトしました (コード 122)。',
  'finding.fsfreeze-failed.failed': 'フリーズに失敗しました (コード 121)。',
  'finding.fsfreeze-failed.never-thawed': 'ファイル システムがフリーズされ、その後ログに解除の記録がありません。',
  'finding.fsfreeze-failed.errors': 'フリーズまたは解除のエラーがあります。',
  'finding.fsfreeze-failed.on': '{mounts} で、{@what}',
  'finding.fsfreeze-failed.last-mount': 'フリーズ用のプログラムが最後にフリーズしていたのは {mount} です。',

  'finding.prepost-script-failed.none': '事前/事後スクリプトの失敗は記録されていません。',
  'finding.prepost-script-failed.failed': '事前/事後スクリプトのフレームワークが失敗しました。',
  'finding.prepost-script-failed.failed-named': '事前/事後スクリプトのフレームワークが失敗しました ({names})。',

  'finding.snapshot-limit-reached.none': 'スナップショット数を理由にストレージがスナップショットを拒否したことはありません。',
  'finding.snapshot-limit-reached.exceeded': 'BLOB のスナップショット数の上限を超えたため、ストレージがスナップショットを拒否しました (コード 85)。',

  'finding.certificate-failure.none': '証明書や復号のエラーは記録されていません。',
  'finding.certificate-failure.failed': '保護された設定を復号できませんでした (記録 {records} 件)。',

  'finding.status-upload-failed.none': 'エージェントはエラーなく状態をアップロードしました。',
  'finding.status-upload-failed.failed': '状態のアップロードが {times} 回失敗しました。',
  'finding.status-upload-failed.failed-alive': 'エージェントは動作し続けていましたが、状態のアップロードが {times} 回失敗しました。',
  'finding.status-upload-failed.failed-both': '状態のアップロードが両方の経路で {times} 回失敗しました。',
  'finding.status-upload-failed.failed-both-alive': 'エージェントは動作し続けていましたが、状態のアップロードが両方の経路で {times} 回失敗しました。',

  'finding.other-extension-failed.no-log': 'バンドルにエージェントのログも拡張機能の状態もありません。',
  'finding.other-extension-failed.none': 'ほかの拡張機能は失敗を報告していません。',
  'finding.other-extension-failed.failing': '失敗している拡張機能があります: {names}。',
  'finding.other-extension-failed.signs': '{parts}',
  'finding.other-extension-failed.processing': 'エージェントによる拡張機能ハンドラーの処理が {names} のファイルで失敗したため ({times} 回)、それ以降の拡張機能は処理されませんでした。',
  'finding.other-extension-failed.reinstalled': 'エージェントが {names} のハンドラー ディレクトリを削除し、同じバージョンを再びインストールする必要がありました。インストールが失敗し続けています。',
  'finding.other-extension-failed.cannot-run': '{names} が必要なコマンドを実行できませんでした (終了コード {codes}: 実行できないか、見つかりません)。',
  'finding.other-extension-failed.commands': '{names} がコマンドの失敗を記録しています (終了コード {codes})。',
  'finding.other-extension-failed.unfetched': 'ホストがサーバー エラーを返した直後に {names} を取得できませんでした。拡張機能は実行されておらず、失敗の原因はホスト側にあります。',

  'finding.platform-transient.none': 'ホスト側のエラー (5xx の応答、またはホスト プラグインによる拡張機能の成果物の拒否) は記録されていません。',
  'finding.platform-transient.signs': '{parts}',
  'finding.platform-transient.server-errors': 'ホストがサーバー エラーを {times} 回返しました。',
  'finding.platform-transient.artifact-refused': 'ホスト プラグインが拡張機能の成果物のダウンロードを {times} 回拒否しました (HTTP {codes})。ホスト側の VM の記録が古いとき (ライブ マイグレーションの後など) に起きます。',
  'finding.platform-transient.artifact-retried': '拒否のたびにエージェントがすぐ後にゴール ステートを処理しているため、ダウンロードは再試行されました。',
  'finding.platform-transient.guest-healthy': 'ゲストは正常なままでした。',

  // ---- 判定の理由
  'reason.caused-by-condition': '障害 {failure} は、背景にある状態 {condition} が引き起こすと文書化されているものです。両方を対処してください。',
  'reason.condition-only': 'このバックアップの障害は見つからないため、背景にある状態 {condition} を原因として挙げています。',
  'reason.nothing-recognised': 'バンドル内に Azure VM のログとして認識できるものがありません。',
  'reason.missing-logs': '判定に必要なログがバンドルにありません: {kinds}。',
  'reason.partial': 'バンドルは不完全です (一部のエントリが読み飛ばされたか切り詰められました)。読めなかった部分に障害が隠れている可能性があります。',
  'reason.service-side': '{code} の原因はゲストからは見えません。サービス側 (Azure portal のバックアップ ジョブの詳細) で確認してください。',
  'reason.unrelated-failure': 'ログには {code} につながらない失敗が示されています: {causes}。エラー コードがこのバックアップのものか確認してください。',
  'reason.check-by-hand': 'ログには {code} の原因が見当たりません。次の原因を手動で確認してください: {causes}。',
  'reason.collect': 'ログを収集してください。Linux では `sudo waagent -collect-logs` を実行し、作成される zip (/var/lib/waagent/logcollector/logs.zip) を送ってください。手動で集める場合は /var/log/waagent.log、/var/log/azure、/var/lib/waagent をコピーしてください。Windows では C:\\WindowsAzure\\Logs と C:\\Packages\\Plugins をコピーしてください。',
  'reason.no-job': 'バンドルにバックアップ ジョブの記録 (VMSnapshot の設定、状態、実行) がないため、ジョブに障害がなかったとは言えません。',
  'reason.unknown-code': 'エラー コード {code} は azlog が知らないコードのため、症状はログから推定しています (`azlog causes --symptoms` を参照してください)。',
  'reason.job-covered': 'ログは {start} から {end} までのバックアップ ジョブ (状態コード {code}) を含んでおり、障害は見当たりません。',
};

register('ja', FINDINGS_JA);
