import { describe, expect, it } from 'vitest';
import { SigmaError } from '../../src/errors.js';
import { DEFAULT_PACK_SETTINGS, packSettings, settingsForRule } from '../../src/packs/settings.js';
import { makeRule } from './helpers.js';

describe('packSettings (project-wide defaults)', () => {
  it('returns the defaults for an empty configuration', () => {
    expect(packSettings({})).toEqual(DEFAULT_PACK_SETTINGS);
    expect(DEFAULT_PACK_SETTINGS.splunk.cronSchedule).toBe('0 * * * *');
    expect(DEFAULT_PACK_SETTINGS.sentinel.queryFrequency).toBe('1h');
  });

  it('merges a partial configuration key by key and replaces lists whole', () => {
    const s = packSettings({
      splunk: { cronSchedule: '*/15 * * * *', escu: { analyticStory: ['Sigma Story'] } },
      elastic: { index: ['logs-endpoint.events.*'] },
    });
    expect(s.splunk.cronSchedule).toBe('*/15 * * * *');
    expect(s.splunk.earliestTime).toBe(DEFAULT_PACK_SETTINGS.splunk.earliestTime);
    expect(s.splunk.escu.analyticStory).toEqual(['Sigma Story']);
    expect(s.splunk.escu.assetType).toBe('Endpoint');
    expect(s.elastic.index).toEqual(['logs-endpoint.events.*']);
    expect(Object.isFrozen(s.elastic)).toBe(true);
  });

  it('rejects unknown keys and wrong types with a schema error naming each path', () => {
    const bad = (): unknown =>
      packSettings({ splunk: { cron: 'x' }, sentinel: { queryFrequency: 'hourly' } }, DEFAULT_PACK_SETTINGS, 'pack.yml');
    expect(bad).toThrow(SigmaError);
    try {
      bad();
    } catch (e) {
      const err = e as SigmaError;
      expect(err.code).toBe('schema');
      expect(err.file).toBe('pack.yml');
      expect(err.message).toContain('splunk');
      expect(err.message).toContain('sentinel.queryFrequency');
    }
  });
});

describe('settingsForRule (per-rule overrides from custom attributes)', () => {
  it('leaves the settings unchanged for a rule without pack attributes', () => {
    expect(settingsForRule(makeRule({ custom: { unrelated: 1 } }))).toBe(DEFAULT_PACK_SETTINGS);
  });

  it("applies a rule's own cron schedule, Sentinel severity and Elastic index over the project defaults", () => {
    const project = packSettings({ splunk: { cronSchedule: '5 * * * *' }, elastic: { index: ['logs-*'] } });
    const rule = makeRule({
      custom: {
        splunk_cron_schedule: '*/10 * * * *',
        sentinel_severity: 'high',
        elastic_index: 'winlogbeat-*',
        elastic_risk_score: 80,
        escu_analytic_story: ['Story A', 'Story B'],
      },
    });
    const s = settingsForRule(rule, project);
    expect(s.splunk.cronSchedule).toBe('*/10 * * * *');
    expect(s.sentinel.severity).toBe('High');
    expect(s.elastic.index).toEqual(['winlogbeat-*']);
    expect(s.elastic.riskScore).toBe(80);
    expect(s.splunk.escu.analyticStory).toEqual(['Story A', 'Story B']);
    expect(s.splunk.earliestTime).toBe(project.splunk.earliestTime);
    expect(project.splunk.cronSchedule).toBe('5 * * * *');
  });

  it('reports a malformed attribute as a schema error at the rule', () => {
    const rule = makeRule({ custom: { sentinel_query_frequency: 'every hour' } });
    expect(() => settingsForRule(rule)).toThrow(/sentinel_query_frequency/);
    try {
      settingsForRule(rule);
    } catch (e) {
      expect((e as SigmaError).code).toBe('schema');
      expect((e as SigmaError).file).toBe('test.yml');
    }
  });
});
