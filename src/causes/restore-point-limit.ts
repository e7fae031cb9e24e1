import { ARTICLE, found, manualCheck, notObservable, jobResult, type Cause } from './cause.js';

export const restorePointLimit: Cause = {
  id: 'restore-point-limit',
  os: ['linux', 'windows'],
  docs: ARTICLE,
  symptoms: ['UserErrorRpCollectionLimitReached', 'BackUpOperationFailed', 'BackUpOperationFailedV2'],
  needs: [],
  role: 'failure',
  detect(ctx) {
    const ok = jobResult(ctx).filter((e) => [0, 1].includes(Number(e.attrs.resultCode ?? e.attrs.code)));
    if (ctx.symptom === 'UserErrorRpCollectionLimitReached') {
      return { ...found(this, ctx, { supporting: ok, absence: !ok.length }, { id: 'finding.restore-point-limit.service-side' }), manualCheck: manualCheck(this) };
    }
    return notObservable(this, { id: 'finding.restore-point-limit.not-in-guest' });
  },
};
