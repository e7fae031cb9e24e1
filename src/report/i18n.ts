/** User-interface strings of the human formats, in English and Japanese. */
export type Lang = 'en' | 'ja';

const STRINGS = {
  en: {
    verdict: 'Verdict', symptom: 'Symptom', symptomGiven: 'given with --error-code', symptomInferred: 'inferred from the evidence',
    symptomNone: 'unknown (pass --error-code to check a symptom\'s causes in order)',
    healthy: 'The guest side looks healthy: no documented cause reached "likely".', manualList: 'Check by hand (the bundle cannot show them):', weakList: 'Weak signs, not enough for a verdict:',
    because: 'because', confidence: 'confidence', job: 'Backup job', noJob: 'Backup job: not found in the bundle (no VMSnapshot settings, status or run)',
    result: 'result code', causesChecked: 'Causes checked, in the order of the article', evidence: 'evidence', fix: 'fix', docs: 'docs',
    checkByHand: 'check by hand', coverage: 'Coverage', present: 'present', missing: 'missing', hides: 'hides', unknownFiles: 'files of no known kind',
    facts: 'Facts', agent: 'agent', installed: 'installed', vmsnapshot: 'VMSnapshot', timezone: 'time zone', problems: 'Partial: some input was skipped',
    none: 'none', marks: { confirmed: 'confirmed', likely: 'likely', possible: 'possible', 'ruled-out': 'ruled out', 'not-seen': 'not seen', 'not-observable': "can't tell" },
  },
  ja: {
    verdict: '判定', symptom: '症状', symptomGiven: '--error-code で指定', symptomInferred: '根拠から推定',
    symptomNone: '不明 (--error-code を指定すると、その症状の原因を順に確認します)',
    healthy: 'ゲスト側は正常に見えます。「可能性が高い」に達した原因はありません。', manualList: '手動で確認してください (バンドルからは判断できません):', weakList: '判定には不十分な弱い兆候:',
    because: '理由', confidence: '確度', job: 'バックアップ ジョブ', noJob: 'バックアップ ジョブ: バンドル内に見つかりません (VMSnapshot の設定・状態・実行記録なし)',
    result: '結果コード', causesChecked: '記事の順序で確認した原因', evidence: '根拠', fix: '対処', docs: '資料',
    checkByHand: '手動で確認', coverage: '収集範囲', present: 'あり', missing: 'なし', hides: '見えなくなるもの', unknownFiles: '種類不明のファイル',
    facts: '事実', agent: 'エージェント', installed: 'インストール済み', vmsnapshot: 'VMSnapshot', timezone: 'タイム ゾーン', problems: '一部のみ: 読み飛ばした入力があります',
    none: 'なし', marks: { confirmed: '確定', likely: '可能性が高い', possible: '可能性あり', 'ruled-out': '除外', 'not-seen': '兆候なし', 'not-observable': '判断不可' },
  },
} as const;

export type Strings = (typeof STRINGS)['en'];

export function strings(lang: Lang): Strings {
  return STRINGS[lang] as unknown as Strings;
}

/** Language from --lang, else from the locale environment. */
export function pickLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (option === 'en' || option === 'ja') return option;
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ja/i.test(loc) ? 'ja' : 'en';
}

/** The same doc link in the reader's language. */
export function localizeDocs(url: string, lang: Lang): string {
  return lang === 'ja' ? url.replace('https://learn.microsoft.com/', 'https://learn.microsoft.com/ja-jp/') : url;
}
