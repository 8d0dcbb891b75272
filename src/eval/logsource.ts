/**
 * What an event says it is (product, service, category), inferred from its Windows channel and event id
 * following the Sigma taxonomy appendix, and whether a rule's logsource agrees. Anything the event does not
 * say is unknown and never excludes a rule.
 */
import type { Logsource } from '../rule/ast.js';
import type { IndexedEvent } from './fields.js';

/** The part of an indexed event that inference reads. */
type FieldLookup = Pick<IndexedEvent, 'get'>;

export interface EventSource {
  /** undefined: the event does not say. */
  readonly product?: string;
  readonly services?: readonly string[];
  readonly categories?: readonly string[];
}

/** Taxonomy appendix, Windows services: service → its channels. */
const WINDOWS_SERVICE_CHANNELS: Readonly<Record<string, readonly string[]>> = {
  application: ['Application'],
  'application-experience': [
    'Microsoft-Windows-Application-Experience/Program-Telemetry',
    'Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant',
  ],
  applocker: [
    'Microsoft-Windows-AppLocker/MSI and Script',
    'Microsoft-Windows-AppLocker/EXE and DLL',
    'Microsoft-Windows-AppLocker/Packaged app-Deployment',
    'Microsoft-Windows-AppLocker/Packaged app-Execution',
  ],
  'appmodel-runtime': ['Microsoft-Windows-AppModel-Runtime/Admin'],
  'appxdeployment-server': ['Microsoft-Windows-AppXDeploymentServer/Operational'],
  'appxpackaging-om': ['Microsoft-Windows-AppxPackaging/Operational'],
  bitlocker: ['Microsoft-Windows-BitLocker/BitLocker Management'],
  'bits-client': ['Microsoft-Windows-Bits-Client/Operational'],
  capi2: ['Microsoft-Windows-CAPI2/Operational'],
  'certificateservicesclient-lifecycle-system': ['Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational'],
  'codeintegrity-operational': ['Microsoft-Windows-CodeIntegrity/Operational'],
  dhcp: ['Microsoft-Windows-DHCP-Server/Operational'],
  'diagnosis-scripted': ['Microsoft-Windows-Diagnosis-Scripted/Operational'],
  // The appendix gives the display name; the channel itself is Microsoft-Windows-DNS-Client/Operational.
  'dns-client': ['Microsoft-Windows-DNS Client Events/Operational', 'Microsoft-Windows-DNS-Client/Operational'],
  'dns-server': ['DNS Server'],
  'dns-server-analytic': ['Microsoft-Windows-DNS-Server/Analytical'],
  'dns-server-audit': ['Microsoft-Windows-DNS-Server/Audit'],
  'driver-framework': ['Microsoft-Windows-DriverFrameworks-UserMode/Operational'],
  'firewall-as': ['Microsoft-Windows-Windows Firewall With Advanced Security/Firewall'],
  'hyper-v-worker': ['Microsoft-Windows-Hyper-V-Worker'],
  'iis-configuration': ['Microsoft-IIS-Configuration/Operational'],
  'kernel-event-tracing': ['Microsoft-Windows-Kernel-EventTracing'],
  'kernel-shimengine': ['Microsoft-Windows-Kernel-ShimEngine/Operational', 'Microsoft-Windows-Kernel-ShimEngine/Diagnostic'],
  ldap: ['Microsoft-Windows-LDAP-Client/Debug'],
  'lsa-server': ['Microsoft-Windows-LSA/Operational'],
  'msexchange-management': ['MSExchange Management'],
  ntfs: ['Microsoft-Windows-Ntfs/Operational'],
  ntlm: ['Microsoft-Windows-NTLM/Operational'],
  openssh: ['OpenSSH/Operational'],
  powershell: ['Microsoft-Windows-PowerShell/Operational', 'PowerShellCore/Operational'],
  'powershell-classic': ['Windows PowerShell'],
  'printservice-admin': ['Microsoft-Windows-PrintService/Admin'],
  'printservice-operational': ['Microsoft-Windows-PrintService/Operational'],
  security: ['Security'],
  'security-mitigations': ['Microsoft-Windows-Security-Mitigations/Kernel Mode', 'Microsoft-Windows-Security-Mitigations/User Mode'],
  sense: ['Microsoft-Windows-SENSE/Operational'],
  'servicebus-client': ['Microsoft-ServiceBus-Client/Operational', 'Microsoft-ServiceBus-Client/Admin'],
  'shell-core': ['Microsoft-Windows-Shell-Core/Operational'],
  'smbclient-security': ['Microsoft-Windows-SmbClient/Security'],
  sysmon: ['Microsoft-Windows-Sysmon/Operational'],
  system: ['System'],
  taskscheduler: ['Microsoft-Windows-TaskScheduler/Operational'],
  'terminalservices-localsessionmanager': ['Microsoft-Windows-TerminalServices-LocalSessionManager/Operational'],
  vhdmp: ['Microsoft-Windows-VHDMP/Operational'],
  windefend: ['Microsoft-Windows-Windows Defender/Operational'],
  wmi: ['Microsoft-Windows-WMI-Activity/Operational'],
};

const SYSMON_CHANNEL = 'microsoft-windows-sysmon/operational';
const LINUX_SYSMON_CHANNEL = 'linux-sysmon/operational';
const POWERSHELL_CHANNELS: ReadonlySet<string> = new Set(['microsoft-windows-powershell/operational', 'powershellcore/operational']);
const POWERSHELL_CLASSIC_CHANNEL = 'windows powershell';
/** Antivirus detections are vendor-defined (taxonomy: "format depends on the editor"): Defender's category stays unknown. */
const DEFENDER_CHANNEL = 'microsoft-windows-windows defender/operational';

/** Taxonomy appendix, Windows categories from Sysmon: event id → categories. */
const SYSMON_CATEGORIES: Readonly<Record<number, readonly string[]>> = {
  1: ['process_creation'],
  2: ['file_change'],
  3: ['network_connection'],
  4: ['sysmon_status'],
  5: ['process_termination'],
  6: ['driver_load'],
  7: ['image_load'],
  8: ['create_remote_thread'],
  9: ['raw_access_thread'],
  10: ['process_access'],
  11: ['file_event'],
  12: ['registry_event', 'registry_add', 'registry_delete'],
  13: ['registry_event', 'registry_set'],
  14: ['registry_event', 'registry_rename'],
  15: ['create_stream_hash'],
  16: ['sysmon_status'],
  17: ['pipe_created'],
  18: ['pipe_created'],
  19: ['wmi_event'],
  20: ['wmi_event'],
  21: ['wmi_event'],
  22: ['dns_query'],
  23: ['file_delete'],
  24: ['clipboard_capture'],
  25: ['process_tampering'],
  26: ['file_delete_detected'],
  27: ['file_block_executable'],
  28: ['file_block_shredding'],
  29: ['file_executable_detected'],
  255: ['sysmon_error'],
};

/** Taxonomy appendix, Linux folder: Sysmon for Linux. */
const LINUX_SYSMON_CATEGORIES: Readonly<Record<number, readonly string[]>> = {
  1: ['process_creation'],
  3: ['network_connection'],
  11: ['file_event'],
};

const POWERSHELL_CATEGORIES: Readonly<Record<number, readonly string[]>> = { 4103: ['ps_module'], 4104: ['ps_script'] };
const POWERSHELL_CLASSIC_CATEGORIES: Readonly<Record<number, readonly string[]>> = {
  400: ['ps_classic_start'],
  600: ['ps_classic_provider_start'],
  800: ['ps_classic_script'],
};
/** Security auditing events that generic categories cover (pySigma's windows audit mapping). */
const SECURITY_CATEGORIES: Readonly<Record<number, readonly string[]>> = { 4688: ['process_creation'] };

const SERVICES_BY_CHANNEL: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const [service, channels] of Object.entries(WINDOWS_SERVICE_CHANNELS)) {
    for (const channel of channels) {
      const key = channel.toLowerCase();
      map.set(key, [...(map.get(key) ?? []), service]);
    }
  }
  return map;
})();

function firstText(ev: FieldLookup, field: string): string | undefined {
  const v = ev.get(field)?.find((x) => x.text !== null);
  return v?.text ?? undefined;
}

function eventId(ev: FieldLookup): number | undefined {
  const text = firstText(ev, 'EventID');
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

/** Sysmon 12 is registry_add for CreateKey and registry_delete for DeleteKey/DeleteValue when it says so. */
function refineRegistry(categories: readonly string[], ev: FieldLookup): readonly string[] {
  const type = firstText(ev, 'EventType')?.toLowerCase();
  if (type === undefined || !categories.includes('registry_add')) return categories;
  if (type === 'createkey') return categories.filter((c) => c !== 'registry_delete');
  if (type === 'deletekey' || type === 'deletevalue') return categories.filter((c) => c !== 'registry_add');
  return categories;
}

function categoriesOf(table: Readonly<Record<number, readonly string[]>>, id: number | undefined): readonly string[] | undefined {
  if (id === undefined) return undefined;
  return table[id] ?? [];
}

function windowsSource(ev: FieldLookup, channel: string): EventSource {
  const key = channel.toLowerCase();
  const id = eventId(ev);
  if (key === LINUX_SYSMON_CHANNEL) return { product: 'linux', services: ['sysmon'], ...opt(categoriesOf(LINUX_SYSMON_CATEGORIES, id)) };
  const services = SERVICES_BY_CHANNEL.get(key);
  if (services === undefined) return { product: 'windows' }; // a channel the taxonomy does not name
  let categories: readonly string[] | undefined;
  if (key === SYSMON_CHANNEL) {
    const found = categoriesOf(SYSMON_CATEGORIES, id);
    categories = found === undefined ? undefined : refineRegistry(found, ev);
  } else if (POWERSHELL_CHANNELS.has(key)) categories = categoriesOf(POWERSHELL_CATEGORIES, id);
  else if (key === POWERSHELL_CLASSIC_CHANNEL) categories = categoriesOf(POWERSHELL_CLASSIC_CATEGORIES, id);
  else if (key === 'security') categories = categoriesOf(SECURITY_CATEGORIES, id);
  else if (key === DEFENDER_CHANNEL) categories = undefined;
  else categories = [];
  return { product: 'windows', services, ...opt(categories) };
}

const opt = (categories: readonly string[] | undefined): { categories?: readonly string[] } =>
  categories === undefined ? {} : { categories };

const OS_PRODUCTS: ReadonlySet<string> = new Set(['windows', 'linux', 'macos']);

const interned = new Map<string, EventSource>();

/** One frozen object per distinct source, so matchers can cache their verdict by identity. */
function intern(source: EventSource): EventSource {
  const key = JSON.stringify([source.product, source.services, source.categories]);
  let found = interned.get(key);
  if (found === undefined) {
    found = Object.freeze({
      ...source,
      ...(source.services ? { services: Object.freeze([...source.services]) } : {}),
      ...(source.categories ? { categories: Object.freeze([...source.categories]) } : {}),
    });
    if (interned.size < 10_000) interned.set(key, found);
  }
  return found;
}

const windowsSources = new Map<string, EventSource>();

/** windowsSource, once per channel, event id and (for Sysmon 12, which it refines) EventType. */
function windowsSourceOf(ev: FieldLookup, channel: string): EventSource {
  const id = firstText(ev, 'EventID');
  const key = `${channel}\u0000${id ?? ''}\u0000${id !== undefined && id.trim() === '12' ? (firstText(ev, 'EventType') ?? '') : ''}`;
  let found = windowsSources.get(key);
  if (found === undefined) {
    found = intern(windowsSource(ev, channel));
    if (windowsSources.size < 10_000) windowsSources.set(key, found);
  }
  return found;
}

/** What the event says it is. */
export function inferEventSource(ev: FieldLookup): EventSource {
  const channel = firstText(ev, 'Channel');
  if (channel !== undefined) return windowsSourceOf(ev, channel);
  const os = firstText(ev, 'host.os.type')?.toLowerCase();
  if (os !== undefined && OS_PRODUCTS.has(os)) return intern({ product: os });
  return intern({});
}

/**
 * What events that do not say their log source are taken to be (`match --logsource`): the product, service and
 * category of `assumed` fill in what an event leaves unknown, and what the event says itself (its channel, event
 * id, `host.os.type`) is kept. Undefined when nothing is assumed. Sources are interned, so the result is
 * remembered by identity.
 */
export function assumingSource(assumed: Logsource | undefined): ((source: EventSource) => EventSource) | undefined {
  if (assumed === undefined) return undefined;
  const { product, service, category } = lowerLogsource(assumed);
  if (product === undefined && service === undefined && category === undefined) return undefined;
  const filled = new Map<EventSource, EventSource>();
  return (source) => {
    let found = filled.get(source);
    if (found === undefined) {
      const products = source.product ?? product;
      const services = source.services ?? (service !== undefined ? [service] : undefined);
      const categories = source.categories ?? (category !== undefined ? [category] : undefined);
      found = intern({
        ...(products !== undefined ? { product: products } : {}),
        ...(services !== undefined ? { services } : {}),
        ...(categories !== undefined ? { categories } : {}),
      });
      if (filled.size < 256) filled.set(source, found);
    }
    return found;
  };
}

/** A logsource's parts lowercased, as the routing compares them. */
export function lowerLogsource(logsource: Logsource): Logsource {
  return Object.freeze({
    ...(logsource.category !== undefined ? { category: logsource.category.toLowerCase() } : {}),
    ...(logsource.product !== undefined ? { product: logsource.product.toLowerCase() } : {}),
    ...(logsource.service !== undefined ? { service: logsource.service.toLowerCase() } : {}),
  });
}

/** The key of a lowercased logsource: rules of one logsource share its test. */
export function logsourceKey(lowered: Logsource): string {
  return `${lowered.product ?? ''}\u0000${lowered.service ?? ''}\u0000${lowered.category ?? ''}`;
}

/** The tests of the logsources compiled so far (a few hundred over the SigmaHQ corpus), bounded. */
const testsByLogsource = new Map<string, (source: EventSource) => boolean>();

/**
 * logsourceAllows compiled: lowercased once, the verdict per source remembered (sources are interned, so identity
 * is enough). Shared by the rules of one logsource: thousands of rules ask about each new kind of event once per
 * logsource, not once each.
 */
export function compileLogsource(logsource: Logsource): (source: EventSource) => boolean {
  const lowered = lowerLogsource(logsource);
  const key = logsourceKey(lowered);
  const known = testsByLogsource.get(key);
  if (known !== undefined) return known;
  const verdicts = new Map<EventSource, boolean>();
  const test = (source: EventSource): boolean => {
    let verdict = verdicts.get(source);
    if (verdict === undefined) {
      verdict = loweredAllows(lowered, source);
      if (verdicts.size < 256) verdicts.set(source, verdict);
    }
    return verdict;
  };
  if (testsByLogsource.size < 4096) testsByLogsource.set(key, test);
  return test;
}

/** False when the rule's logsource contradicts what the event says it is; unknown parts never exclude. */
export function logsourceAllows(logsource: Logsource, source: EventSource): boolean {
  return loweredAllows(lowerLogsource(logsource), source);
}

/** logsourceAllows of a logsource already lowercased (lowerLogsource). */
export function loweredAllows(logsource: Logsource, source: EventSource): boolean {
  const { product, service, category } = logsource;
  if (product !== undefined && source.product !== undefined && product !== source.product) return false;
  if (service !== undefined && source.services !== undefined && !source.services.includes(service)) return false;
  if (category !== undefined && source.categories !== undefined && !source.categories.includes(category)) return false;
  return true;
}
