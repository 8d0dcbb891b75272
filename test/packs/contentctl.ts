/**
 * A test-side checker of splunk/contentctl v5's model rules for a detection YAML, written from its pydantic models
 * (splunk/contentctl @ fc009889, Apache-2.0; read, not copied) and /work/shared/formats/splunk/contentctl-detection.fields.md.
 * Each rule names the model and validator it encodes. Checks that need the security_content repository (stories,
 * data_sources, macros defined in macros/) are left out; the filter macro and the backtick rule are in.
 */
import { load } from 'js-yaml';

type Doc = Record<string, unknown>;

// security_content_object_abstract.py: `extra="forbid"` fields of Detection (+ SecurityContentObject)
const DETECTION_KEYS = new Set([
  'name',
  'id',
  'version',
  'date',
  'author',
  'status',
  'type',
  'description',
  'data_source',
  'search',
  'how_to_implement',
  'known_false_positives',
  'references',
  'drilldown_searches',
  'rba',
  'tags',
  'tests',
  'enabled_by_default',
  'deployment',
  'explanation',
]);
// detection_tags.py: DetectionTags fields
const TAG_KEYS = new Set([
  'analytic_story',
  'asset_type',
  'mitre_attack_id',
  'product',
  'security_domain',
  'cve',
  'atomic_guid',
  'throttling',
  'group',
  'nist',
  'manual_test',
  'research_site_url',
  'event_schema',
  'mappings',
]);
// enums.py
const STATUS = new Set(['production', 'experimental', 'deprecated']); // Detection_Abstract.NarrowStatus
const TYPES = new Set(['TTP', 'Anomaly', 'Hunting', 'Correlation']); // AnalyticsType
const SECURITY_DOMAIN = new Set(['endpoint', 'network', 'threat', 'identity', 'access', 'audit']);
const PRODUCTS = new Set([
  'Splunk Enterprise',
  'Splunk Enterprise Security',
  'Splunk Cloud',
  'Splunk Security Analytics for AWS',
  'Splunk Behavioral Analytics',
]);
const RISK_OBJECT_TYPES = new Set(['user', 'system', 'other']); // rba.py RiskObjectType
// rba.py ThreatObjectType
const THREAT_OBJECT_TYPES = new Set(
  'certificate_common_name certificate_organization certificate_serial certificate_unit command domain email_address email_subject file_hash file_name file_path http_user_agent ip_address process process_name parent_process parent_process_name process_hash registry_path registry_value_name registry_value_text service signature system tls_hash url'.split(
    ' ',
  ),
);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// macro.py MACROS_TO_IGNORE
const IGNORED_MACROS = new Set([
  'drop_dm_object_name',
  'get_asset',
  'get_risk_severity',
  'cim_corporate_web_domain_search',
  'globedistance',
]);

const str = (v: unknown): v is string => typeof v === 'string';

/** security_content_object_abstract.py `contentNameToFileName` */
export function contentNameToFileName(name: string): string {
  return `${name.replace(/ /g, '_').replace(/-/g, '_').replace(/\./g, '_').replace(/\//g, '_').toLowerCase()}.yml`;
}

/** macro.py `get_macros`: backticked names outside ``` comments, arguments cut off. */
function macrosOf(search: string): string[] {
  const noComments = search.replace(/```[\s\S]*?```/g, ' ');
  return [...noComments.matchAll(/`([^\s]+?)`/g)].map((m) => (m[1] ?? '').replace(/\(.*$/s, ''));
}

/**
 * The problems contentctl would report for `yaml` as `detections/<fileName>`; `knownMacros` are the macros the
 * pack's app and ESCU define (contentctl checks each search macro exists). Empty when the detection is accepted.
 */
export function contentctlProblems(yaml: string, fileName: string, knownMacros: ReadonlySet<string>): string[] {
  const p: string[] = [];
  const d = load(yaml) as Doc;
  for (const k of Object.keys(d)) if (!DETECTION_KEYS.has(k)) p.push(`unknown key ${k} (extra="forbid")`);
  const name = d['name'];
  // Detection_Abstract.name max_length=CONTENTCTL_MAX_SEARCH_NAME_LENGTH (67)
  if (!str(name) || name.length === 0 || name.length > 67) p.push(`name: ${String(name)}`);
  else {
    if (contentNameToFileName(name) !== fileName)
      p.push(`file ${fileName} is not ${contentNameToFileName(name)} (ensureFileNameMatchesSearchName)`);
    // check_conf_stanza_max_length: 'ESCU - <name> - Rule' ≤ 81; ES label '<domain> - ESCU - … - Rule' ≤ 99
    const stanza = `ESCU - ${name} - Rule`;
    if (stanza.length > 81) p.push('conf stanza over 81 characters');
    const tags = d['tags'] as Doc | undefined;
    if (`${String(tags?.['security_domain'])} - ${stanza}`.length > 99) p.push('ES label over 99 characters');
  }
  if (!str(d['id']) || !UUID.test(d['id'])) p.push('id is not a UUID');
  if (!Number.isInteger(d['version']) || (d['version'] as number) < 0) p.push('version');
  const date = d['date'];
  if (!str(date) || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) p.push(`date ${String(date)}`);
  else if (Date.parse(date) > Date.now()) p.push('date in the future');
  if (!str(d['author']) || d['author'].length > 255) p.push('author'); // max_length=255
  const status = d['status'];
  const type = d['type'];
  if (!str(status) || !STATUS.has(status)) p.push(`status ${String(status)}`);
  if (status === 'deprecated') p.push('deprecated needs a deprecation mapping entry (checkDeprecationInfo)');
  if (!str(type) || !TYPES.has(type)) p.push(`type ${String(type)}`);
  if (!str(d['description']) || d['description'].length === 0 || d['description'].length > 10000) p.push('description'); // max_length=10000
  if (!str(d['how_to_implement']) || d['how_to_implement'].length < 4) p.push('how_to_implement < 4'); // min_length=4
  if (!str(d['known_false_positives']) || d['known_false_positives'].length < 4) p.push('known_false_positives < 4'); // min_length=4
  if (d['data_source'] !== undefined && !(Array.isArray(d['data_source']) && d['data_source'].every(str))) p.push('data_source');
  for (const r of (d['references'] as unknown[] | undefined) ?? [])
    if (!str(r) || !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(r)) p.push(`reference ${String(r)}`);

  const search = d['search'];
  if (!str(search) || search.length === 0) p.push('search');
  else {
    // validate_presence_of_filter_macro
    if (str(name) && !search.includes(`\`${contentNameToFileName(name).slice(0, -4)}_filter\``))
      p.push('search lacks the EXACT filter macro');
    // get_macros: four backticks in a row, and every other macro must be known
    if (/````/.test(search)) p.push('four backticks in a row');
    const filter = str(name) ? `${contentNameToFileName(name).slice(0, -4)}_filter` : '';
    for (const m of macrosOf(search)) if (m !== filter && !IGNORED_MACROS.has(m) && !knownMacros.has(m)) p.push(`unknown macro \`${m}\``);
  }

  // tags (DetectionTags, extra="forbid")
  const tags = d['tags'] as Doc | undefined;
  if (!tags || typeof tags !== 'object') p.push('tags');
  else {
    for (const k of Object.keys(tags)) if (!TAG_KEYS.has(k)) p.push(`unknown tag ${k}`);
    if (!Array.isArray(tags['analytic_story'])) p.push('tags.analytic_story');
    if (!str(tags['asset_type'])) p.push('tags.asset_type');
    const ids = (tags['mitre_attack_id'] as unknown[] | undefined) ?? [];
    for (const id of ids) if (!str(id) || !/^T\d{4}(\.\d{3})?$/.test(id)) p.push(`mitre id ${String(id)}`);
    // a technique and one of its own sub-techniques may not both be listed
    for (const id of ids)
      if (str(id) && !id.includes('.') && ids.some((o) => str(o) && o.startsWith(`${id}.`))) p.push(`${id} with its sub-technique`);
    const product = tags['product'];
    if (!Array.isArray(product) || product.length === 0 || !product.every((x) => str(x) && PRODUCTS.has(x))) p.push('tags.product');
    if (!str(tags['security_domain']) || !SECURITY_DOMAIN.has(tags['security_domain'])) p.push('tags.security_domain');
    for (const c of (tags['cve'] as unknown[] | undefined) ?? [])
      if (!str(c) || !/^CVE-[1|2]\d{3}-\d+$/.test(c)) p.push(`cve ${String(c)}`);
  }

  // ensureProperRBAConfig: TTP and Anomaly deployments have RBA → rba with ≥1 risk object; others no rba
  const rba = d['rba'] as Doc | undefined;
  const rbaDeployment = type === 'TTP' || type === 'Anomaly';
  if (rbaDeployment && (!rba || !Array.isArray(rba['risk_objects']) || rba['risk_objects'].length === 0))
    p.push('RBA deployment without risk objects');
  if (!rbaDeployment && rba !== undefined) p.push('rba present without an RBA deployment');
  if (rba) {
    for (const r of rba['risk_objects'] as Doc[]) {
      if (
        !str(r['field']) ||
        !RISK_OBJECT_TYPES.has(String(r['type'])) ||
        !Number.isInteger(r['score']) ||
        (r['score'] as number) < 1 ||
        (r['score'] as number) > 100
      )
        p.push('risk object');
    }
    for (const t of (rba['threat_objects'] as Doc[] | undefined) ?? [])
      if (!str(t['field']) || !THREAT_OBJECT_TYPES.has(String(t['type']))) p.push('threat object');
    // search_rba_fields_exist_validate (an error for production content)
    if (status === 'production' && str(search)) {
      const fields = [...(rba['risk_objects'] as Doc[]), ...((rba['threat_objects'] as Doc[] | undefined) ?? [])].map((o) =>
        String(o['field']).toLowerCase(),
      );
      const inMessage = [
        ...String(rba['message'])
          .toLowerCase()
          .matchAll(/\$([^\s.]*)\$/g),
      ].map((m) => m[1] ?? '');
      for (const f of [...fields, ...inMessage]) if (!search.toLowerCase().includes(f)) p.push(`rba field ${f} not in search`);
    }
  }

  // drilldown.py: name ≥ 5, search ≥ 1, both offsets given
  const drilldowns = (d['drilldown_searches'] as Doc[] | undefined) ?? [];
  for (const dd of drilldowns) {
    if (
      !str(dd['name']) ||
      dd['name'].length < 5 ||
      !str(dd['search']) ||
      dd['search'].length < 1 ||
      !('earliest_offset' in dd) ||
      !('latest_offset' in dd)
    )
      p.push('drilldown');
  }
  // model_post_init: production non-Hunting detections need 2 drilldowns, one with %original_detection_search%
  if (status === 'production' && type !== 'Hunting') {
    if (drilldowns.length < 2) p.push('production detection with fewer than 2 drilldown_searches');
    else if (!drilldowns.some((dd) => String(dd['search']).includes('%original_detection_search%')))
      p.push('no drilldown with %original_detection_search%');
  }
  // tests_validate: production (non-Correlation, non-manual) detections need ≥ 1 test; each a UnitTest
  const tests = (d['tests'] as Doc[] | undefined) ?? [];
  if (status === 'production' && type !== 'Correlation' && tests.length === 0) p.push('production detection without tests');
  for (const t of tests) {
    const data = t['attack_data'] as Doc[] | undefined;
    if (
      !str(t['name']) ||
      !Array.isArray(data) ||
      data.length === 0 ||
      !data.every((a) => str(a['data']) && str(a['source']) && str(a['sourcetype']))
    )
      p.push('test');
  }
  // only_enabled_if_production_status
  if (d['enabled_by_default'] === true && (status !== 'production' || !['TTP', 'Anomaly', 'Correlation'].includes(String(type))))
    p.push('enabled_by_default');
  return p;
}
