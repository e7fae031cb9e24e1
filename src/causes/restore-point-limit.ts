import { ARTICLE, notObservable, type Cause } from './cause.js';

export const restorePointLimit: Cause = {
  id: 'restore-point-limit',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['UserErrorRpCollectionLimitReached', 'BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: [],
  role: 'failure',
  detect(ctx) {
    // restore points live in the service: even when the job's error names them, the guest can only
    // be shown healthy, and the verdict says to check them by hand
    return notObservable(this, { id: ctx.symptom === 'UserErrorRpCollectionLimitReached' ? 'finding.restore-point-limit.service-side' : 'finding.restore-point-limit.not-in-guest' });
  },
};
