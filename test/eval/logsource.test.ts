import { describe, expect, it } from 'vitest';
import { indexEvent } from '../../src/eval/fields.js';
import { assumingSource, inferEventSource, logsourceAllows } from '../../src/eval/logsource.js';

const win = (channel: string, eventId: number, data: Record<string, unknown> = {}) =>
  indexEvent({ Event: { System: { Channel: channel, EventID: eventId }, EventData: data } });
const SYSMON = 'Microsoft-Windows-Sysmon/Operational';

describe('what an event says it is (taxonomy appendix)', () => {
  it.each([
    [1, ['process_creation']],
    [3, ['network_connection']],
    [7, ['image_load']],
    [10, ['process_access']],
    [11, ['file_event']],
    [13, ['registry_event', 'registry_set']],
    [16, ['sysmon_status']],
    [22, ['dns_query']],
  ])('Sysmon event %i is %j', (id, categories) => {
    expect(inferEventSource(win(SYSMON, id))).toEqual({ product: 'windows', services: ['sysmon'], categories });
  });

  it('Sysmon 12 is registry_add or registry_delete as its EventType says, both when it does not say', () => {
    expect(inferEventSource(win(SYSMON, 12, { EventType: 'CreateKey' })).categories).toEqual(['registry_event', 'registry_add']);
    expect(inferEventSource(win(SYSMON, 12, { EventType: 'DeleteValue' })).categories).toEqual(['registry_event', 'registry_delete']);
    expect(inferEventSource(win(SYSMON, 12)).categories).toEqual(['registry_event', 'registry_add', 'registry_delete']);
  });

  it('Security 4688 is process_creation of service security; other Security events have no category', () => {
    expect(inferEventSource(win('Security', 4688))).toEqual({
      product: 'windows',
      services: ['security'],
      categories: ['process_creation'],
    });
    expect(inferEventSource(win('Security', 4624))).toEqual({ product: 'windows', services: ['security'], categories: [] });
  });

  it('PowerShell 4104 is ps_script, Windows PowerShell 400 is ps_classic_start', () => {
    expect(inferEventSource(win('Microsoft-Windows-PowerShell/Operational', 4104)).categories).toEqual(['ps_script']);
    expect(inferEventSource(win('Windows PowerShell', 400))).toMatchObject({
      services: ['powershell-classic'],
      categories: ['ps_classic_start'],
    });
  });

  it('maps service channels from the appendix', () => {
    expect(inferEventSource(win('Microsoft-Windows-TaskScheduler/Operational', 142)).services).toEqual(['taskscheduler']);
    expect(inferEventSource(win('Microsoft-Windows-WMI-Activity/Operational', 5858)).services).toEqual(['wmi']);
  });

  it('leaves the category of Defender events unknown (antivirus formats are vendor-defined)', () => {
    expect(inferEventSource(win('Microsoft-Windows-Windows Defender/Operational', 1116))).toEqual({
      product: 'windows',
      services: ['windefend'],
    });
  });

  it('knows only the product of a channel the appendix does not name', () => {
    expect(inferEventSource(win('Some-Vendor/Operational', 1))).toEqual({ product: 'windows' });
  });

  it('reads Sysmon for Linux as product linux', () => {
    expect(inferEventSource(indexEvent({ Channel: 'Linux-Sysmon/Operational', EventID: 1 }))).toEqual({
      product: 'linux',
      services: ['sysmon'],
      categories: ['process_creation'],
    });
  });

  it('says nothing about an event without a channel, unless ECS host.os.type names the product', () => {
    expect(inferEventSource(indexEvent({ CommandLine: 'x' }))).toEqual({});
    expect(inferEventSource(indexEvent({ host: { os: { type: 'linux' } } }))).toEqual({ product: 'linux' });
  });
});

describe('a rule logsource against what the event says', () => {
  const sysmonProcess = inferEventSource(win(SYSMON, 1));
  it('allows a matching category and product, with or without the service', () => {
    expect(logsourceAllows({ category: 'process_creation', product: 'windows' }, sysmonProcess)).toBe(true);
    expect(logsourceAllows({ product: 'windows', service: 'sysmon' }, sysmonProcess)).toBe(true);
  });
  it('refuses a contradicting category, product or service', () => {
    expect(logsourceAllows({ category: 'registry_set', product: 'windows' }, sysmonProcess)).toBe(false);
    expect(logsourceAllows({ category: 'process_creation', product: 'linux' }, sysmonProcess)).toBe(false);
    expect(logsourceAllows({ product: 'windows', service: 'security' }, sysmonProcess)).toBe(false);
  });
  it('never excludes on what the event does not say', () => {
    expect(logsourceAllows({ category: 'proxy' }, {})).toBe(true);
    expect(logsourceAllows({ category: 'antivirus', product: 'windows' }, { product: 'windows', services: ['windefend'] })).toBe(true);
  });
  it('compares case-insensitively', () => {
    expect(logsourceAllows({ category: 'Process_Creation', product: 'Windows' }, sysmonProcess)).toBe(true);
  });
});

describe('what events that do not say their log source are taken to be (match --logsource)', () => {
  const assume = assumingSource({ product: 'Windows', category: 'process_creation' })!;
  it('fills in the product and category an event leaves unknown (lowercased)', () => {
    expect(assume(inferEventSource(indexEvent({ CommandLine: 'x' })))).toEqual({ product: 'windows', categories: ['process_creation'] });
    expect(assumingSource({ service: 'sysmon' })!(inferEventSource(indexEvent({ CommandLine: 'x' })))).toEqual({ services: ['sysmon'] });
  });
  it('keeps what the event says itself: its channel and event id, or host.os.type', () => {
    expect(assume(inferEventSource(win(SYSMON, 13)))).toEqual({
      product: 'windows',
      services: ['sysmon'],
      categories: ['registry_event', 'registry_set'],
    });
    // Security 4624 has no category in the taxonomy: known to have none, not unknown.
    expect(assume(inferEventSource(win('Security', 4624)))).toEqual({ product: 'windows', services: ['security'], categories: [] });
    expect(assume(inferEventSource(indexEvent({ host: { os: { type: 'linux' } } })))).toEqual({
      product: 'linux',
      categories: ['process_creation'],
    });
  });
  it('gives one object per source, so routes and verdicts can be kept by identity', () => {
    const a = assume(inferEventSource(indexEvent({ CommandLine: 'x' })));
    expect(assume(inferEventSource(indexEvent({ Image: 'y' })))).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
  });
  it('assumes nothing when given nothing', () => {
    expect(assumingSource(undefined)).toBeUndefined();
    expect(assumingSource({})).toBeUndefined();
  });
  it('makes a rule of another log source refuse an event that says nothing, and one of this log source accept it', () => {
    const flat = assume(inferEventSource(indexEvent({ CommandLine: 'x' })));
    expect(logsourceAllows({ category: 'network_connection', product: 'windows' }, flat)).toBe(false);
    expect(logsourceAllows({ category: 'process_creation', product: 'windows' }, flat)).toBe(true);
    expect(logsourceAllows({ product: 'zeek', service: 'rdp' }, flat)).toBe(false);
  });
});
