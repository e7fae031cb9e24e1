import { ARTICLE, blind, found, notObservable, of, ruledOut, type Cause } from './cause.js';
import { compareVersions } from '../facts/index.js';

export const staleGoalStateFiles: Cause = {
  id: 'stale-goal-state-files',
  title: { en: 'Stale goal-state cache files in /var/lib/waagent', ja: '/var/lib/waagent に古いゴール ステートのキャッシュ ファイルが残っている' },
  fix: {
    en: 'Delete the numbered cache files with `sudo rm -f /var/lib/waagent/*.[0-9]*.xml`, restart the agent (walinuxagent or waagent), then run the backup again.',
    ja: '`sudo rm -f /var/lib/waagent/*.[0-9]*.xml` で番号付きのキャッシュ ファイルを削除し、エージェント (walinuxagent または waagent) を再起動してから、バックアップを再実行してください。',
  },
  docs: ARTICLE,
  symptoms: ['UserErrorGuestAgentStatusUnavailable'],
  needs: ['waagent-log', 'goal-state', 'extensions-config'],
  manual: { en: 'List /var/lib/waagent and look for many GoalState.N.xml / ExtensionsConfig.N.xml files.', ja: '/var/lib/waagent を一覧し、GoalState.N.xml / ExtensionsConfig.N.xml が多数残っていないか確認してください。' },
  role: 'failure',
  detect(ctx) {
    if (blind(this, ctx)) return notObservable(this, 'no agent log and no goal-state files in the bundle');
    const missing = of(ctx, 'waagent.goal-state.missing-file');
    const numbered = of(ctx, 'goal-state.incarnation', (e) => /(?:^|[/!])(?:var\/lib\/waagent\/)?GoalState\.\d+\.xml$/.test(e.file) && !/history\//.test(e.file));
    const cmp = compareVersions(ctx.facts.goalStateAgentVersion, '2.8');
    const old = cmp === null ? null : cmp < 0;
    const supporting = numbered.length >= 5 && old !== false ? numbered.slice(-2) : [];
    if (!missing.length && !supporting.length) {
      return ruledOut(this, ctx, of(ctx, 'waagent.goal-state.processed').slice(-1), 'the agent never reported a missing GoalState/ExtensionsConfig file');
    }
    const incs = [...new Set(missing.map((e) => e.attrs.incarnation))].join(', ');
    // numbered caches alone are a condition the failure can grow from, not the failure
    return found(this, ctx, { strong: missing, supporting, ...(missing.length ? {} : { role: 'condition' as const }) },
      missing.length ? `the agent reports its cached goal-state file as missing ${missing.length} time(s) (incarnation ${incs})` : `${numbered.length} numbered goal-state files cached beside an agent older than 2.8`);
  },
};
