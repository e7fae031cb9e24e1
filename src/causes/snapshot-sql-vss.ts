import { SNAPSHOT_HEADING, ARTICLE, notObservable, of, found, type Cause } from './cause.js';

export const snapshotSqlVss: Cause = {
  id: 'snapshot-sql-vss',
  title: { en: 'SQL Server backup delays the VSS snapshot (Windows)', ja: 'SQL Server のバックアップが VSS スナップショットを遅らせている (Windows)' },
  fix: {
    en: 'On the Windows VM set the registry value HKLM\\SOFTWARE\\Microsoft\\BCDRAGENT USEVSSCOPYBACKUP="TRUE" so Azure Backup takes a VSS copy backup instead of a full one.',
    ja: 'Windows VM でレジストリ HKLM\\SOFTWARE\\Microsoft\\BCDRAGENT に USEVSSCOPYBACKUP="TRUE" を設定し、Azure Backup が完全バックアップではなく VSS コピー バックアップを取るようにしてください。',
  },
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'ExtensionFailedVssWriterInBadState', 'ExtensionFailedVssServiceInBadState', 'ExtensionSnapshotFailedCOM'],
  needs: ['windows-vmsnapshot-log'],
  manual: { en: 'Windows only: check whether SQL Server backups run on the VM and the BCDRAGENT registry value.', ja: 'Windows のみ: VM で SQL Server のバックアップが動いているか、BCDRAGENT のレジストリ値を確認してください。' },
  role: 'failure',
  detect(ctx) {
    const vss = of(ctx, /^(log\.record|windows\.)/, (e) => /VSS|SQL ?Server|SqlServerWriter/i.test(e.message) && e.level !== 'info');
    if (vss.length) return found(this, ctx, { supporting: vss }, 'VSS/SQL Server messages in the Windows VMSnapshot log');
    return notObservable(this, 'a Windows-only cause: a Linux bundle cannot show SQL Server VSS behaviour');
  },
};
