import { ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { compareVersions } from '../facts/index.js';

export const staleGoalStateFiles: Cause = {
  id: 'stale-goal-state-files',
  os: ['linux'],
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable'],
  needs: ['waagent-log', 'goal-state', 'extensions-config'],
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, { id: 'finding.stale-goal-state-files.no-log' });
    const missing = of(ctx, 'waagent.goal-state.missing-file');
    const numbered = of(ctx, 'goal-state.incarnation', (e) => /(?:^|[/!])(?:var\/lib\/waagent\/)?GoalState\.\d+\.xml$/.test(e.file) && !/history\//.test(e.file));
    const cmp = compareVersions(ctx.facts.goalStateAgentVersion, '2.8');
    const old = cmp === null ? null : cmp < 0;
    const supporting = numbered.length >= 5 && old !== false ? numbered.slice(-2) : [];
    if (!missing.length && !supporting.length) {
      return ruledOut(this, ctx, of(ctx, 'waagent.goal-state.processed').slice(-1), { id: 'finding.stale-goal-state-files.none' });
    }
    const incs = [...new Set(missing.map((e) => e.attrs.incarnation))].join(', ');
    // numbered caches alone are a condition the failure can grow from, not the failure
    return found(this, ctx, { strong: missing, supporting, ...(missing.length ? {} : { role: 'condition' as const }) },
      missing.length ? { id: 'finding.stale-goal-state-files.missing', params: { times: missing.length, incarnations: incs } } : { id: 'finding.stale-goal-state-files.numbered', params: { files: numbered.length } });
  },
};
