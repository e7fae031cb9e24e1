/**
 * /var/lib/waagent XML artifacts (FORMATS.md §2.4–2.6): GoalState, ExtensionsConfig (plugins,
 * public settings, status blob, InVMGoalStateMetaData), HostingEnvironmentConfig, SharedConfig and
 * ovf-env. Protected settings are never read; SAS query strings are never kept.
 */
import type { Event } from '../src/model/types.js';
import { fileEvent } from '../src/parse/records.js';
import { ticksToMs } from '../src/parse/time.js';
import { find, findAll, parseXml } from './xml.js';

export function parseAgentXml(text: string, file: string): Event[] {
  if (/<xml>\s*empty placeholder file\s*<\/xml>/.test(text)) {
    return [fileEvent(file, 'goal-state.placeholder', null, 'none', 'GoalState placeholder written by agent ≥2.8', {})];
  }
  const { root, error, doctype } = parseXml(text);
  const out: Event[] = [];
  if (doctype) out.push(fileEvent(file, 'xml.doctype-ignored', null, 'none', 'DOCTYPE declaration ignored (entities are never expanded)', {}, 'warning'));
  if (!root || error) {
    out.push(fileEvent(file, 'unparsed', null, 'none', `XML not readable: ${error ?? 'no root element'}`, {}, 'warning'));
    if (!root) return out;
  }
  switch (root.name) {
    case 'GoalState': {
      const inc = Number(find(root, 'Incarnation')?.text ?? NaN);
      const state = find(root, 'ExpectedState')?.text ?? '';
      out.push(fileEvent(file, 'goal-state.incarnation', null, 'none', `GoalState incarnation ${inc}${state ? `, expected state ${state}` : ''}`,
        { incarnation: inc, ...(state ? { expectedState: state } : {}) }));
      break;
    }
    case 'Extensions': {
      const meta = find(root, 'InVMGoalStateMetaData');
      const created = meta ? ticksToMs(meta.attrs.createdOnTicks ?? '') : null;
      const inc = Number(root.attrs.goalStateIncarnation ?? NaN);
      for (const fam of findAll(root, 'GAFamily')) {
        const v = find(fam, 'Version')?.text;
        if (v) out.push(fileEvent(file, 'extensions-config.agent-family', created, 'explicit-utc', `Agent family ${find(fam, 'Name')?.text ?? '?'} requests version ${v}`, { family: find(fam, 'Name')?.text ?? '', version: v }));
      }
      const plugins = find(root, 'Plugins');
      for (const p of plugins?.children ?? []) {
        if (p.name !== 'Plugin') continue;
        out.push(fileEvent(file, 'extensions-config.plugin', created, 'explicit-utc',
          `Plugin ${p.attrs.name} ${p.attrs.version} state=${p.attrs.state ?? ''}`,
          { handler: p.attrs.name ?? '', version: p.attrs.version ?? '', state: p.attrs.state ?? '', autoUpgrade: p.attrs.autoUpgrade ?? '', incarnation: inc }));
      }
      for (const p of find(root, 'PluginSettings')?.children ?? []) {
        for (const rs of [...findAll(p, 'RuntimeSettings'), ...findAll(p, 'ExtensionRuntimeSettings')]) {
          const pub = publicSettings(rs.text);
          const start = pub.commandStartTimeUTCTicks ? ticksToMs(pub.commandStartTimeUTCTicks) : null;
          out.push(fileEvent(file, 'extensions-config.settings', start, 'explicit-utc',
            `Settings of ${p.attrs.name} seqNo ${rs.attrs.seqNo}${pub.taskId ? ` taskId ${pub.taskId}` : ''}`,
            { handler: p.attrs.name ?? '', seqNo: Number(rs.attrs.seqNo ?? NaN), ...pub }));
        }
      }
      const blob = find(root, 'StatusUploadBlob');
      if (blob) out.push(fileEvent(file, 'extensions-config.status-blob', created, 'explicit-utc', `Status upload blob ${blob.text.replace(/\?.*$/, '')}`, { host: /^https?:\/\/([^/]+)/.exec(blob.text)?.[1] ?? '' }));
      break;
    }
    case 'Environment': {
      const pga = find(root, 'ProvisionGuestAgent');
      if (pga) out.push(fileEvent(file, 'ovf.provision-guest-agent', null, 'none', `ProvisionGuestAgent=${pga.text}`, { value: pga.text.toLowerCase() === 'true' }, pga.text.toLowerCase() === 'true' ? 'info' : 'warning'));
      break;
    }
    case 'HostingEnvironmentConfig':
    case 'SharedConfig': {
      const inc = Number(root.attrs.goalStateIncarnation ?? NaN);
      out.push(fileEvent(file, root.name === 'SharedConfig' ? 'shared-config' : 'hosting-config', null, 'none', `${root.name} incarnation ${inc}`, { incarnation: inc }));
      break;
    }
    default:
      out.push(fileEvent(file, 'xml.other', null, 'none', `XML root ${root.name}`, { root: root.name }));
  }
  return out;
}

/** The public part of a RuntimeSettings JSON; protected settings are dropped unread. */
export function publicSettings(json: string): Record<string, string> {
  try {
    const doc = JSON.parse(json);
    const hs = doc?.runtimeSettings?.[0]?.handlerSettings ?? doc?.handlerSettings ?? {};
    const pub = hs.publicSettings ?? {};
    const out: Record<string, string> = {};
    for (const k of ['taskId', 'commandStartTimeUTCTicks', 'vmType', 'locale', 'commandToExecute']) {
      if (pub[k] !== undefined && pub[k] !== null && typeof pub[k] !== 'object') out[k] = String(pub[k]);
    }
    return out;
  } catch {
    return {};
  }
}

export const samples = [
  { file: 'GoalState.4.xml', text: '<GoalState><Version>2010-12-15</Version><Incarnation>4</Incarnation><Machine><ExpectedState>Started</ExpectedState></Machine></GoalState>', expect: { kind: 'goal-state.incarnation', attrs: { incarnation: 4 } } },
  { file: 'ovf-env.xml', text: '<Environment xmlns:wa="x"><wa:PlatformSettingsSection><wa:PlatformSettings><wa:ProvisionGuestAgent>false</wa:ProvisionGuestAgent></wa:PlatformSettings></wa:PlatformSettingsSection></Environment>', expect: { kind: 'ovf.provision-guest-agent', attrs: { value: false } } },
];
