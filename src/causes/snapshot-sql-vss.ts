import { SNAPSHOT_HEADING, ARTICLE, notObservable, of, found, type Cause } from './cause.js';

export const snapshotSqlVss: Cause = {
  id: 'snapshot-sql-vss',
  os: ['windows'],
  docs: ARTICLE,
  symptoms: [...SNAPSHOT_HEADING, 'ExtensionFailedVssWriterInBadState', 'ExtensionFailedVssServiceInBadState', 'ExtensionSnapshotFailedCOM'],
  needs: ['windows-vmsnapshot-log'],
  role: 'failure',
  detect(ctx) {
    const vss = of(ctx, /^(log\.record|windows\.)/, (e) => /VSS|SQL ?Server|SqlServerWriter/i.test(e.message) && e.level !== 'info');
    if (vss.length) return found(this, ctx, { supporting: vss }, { id: 'finding.snapshot-sql-vss.messages' });
    return notObservable(this, { id: 'finding.snapshot-sql-vss.no-sign' });
  },
};
