/**
 * Kusto types of the columns that are not strings, per table of the Sentinel ASIM schemas and the Defender XDR
 * tables (generated from ../shared/reference/tables.json, Microsoft's documentation; a test checks it stays
 * equal). A column absent here is a string (or unknown). The dialect reads it to write typed literals.
 */
export type KustoColumnType = 'int' | 'long' | 'real' | 'decimal' | 'bool' | 'datetime' | 'timespan' | 'guid' | 'dynamic';

const COLUMN_TYPES: Readonly<Record<string, Readonly<Record<string, KustoColumnType>>>> = Object.freeze({
  imAuditEvent: cols({
    int: 'TargetPortNumber SrcPortNumber RuleNumber ThreatRiskLevel ThreatConfidence',
    real: 'SrcGeoLatitude SrcGeoLongitude',
    bool: 'ThreatIsActive',
    datetime: 'ThreatFirstReportedTime ThreatLastReportedTime',
  }),
  imAuthentication: cols({
    int: 'SrcPortNumber SrcRiskLevel SrcOriginalRiskLevel TargetPortNumber TargetRiskLevel TargetOriginalRiskLevel RuleNumber ThreatRiskLevel ThreatConfidence',
    real: 'SrcGeoLongtitude SrcGeoLatitude TargetGeoLatitude TargetGeoLongitude',
    bool: 'ThreatIsActive',
    datetime: 'ThreatFirstReportedTime ThreatLastReportedTime',
  }),
  _Im_Dns: cols({
    int: 'SrcPortNumber SrcRiskLevel SrcOriginalRiskLevel DstRiskLevel DstOriginalRiskLevel DstPortNumber DnsQueryType DnsResponseCode DnsQueryClass DnsNetworkDuration NetworkRuleNumber ThreatConfidence ThreatRiskLevel',
    real: 'SrcGeoLatitude SrcGeoLongitude DstGeoLatitude DstGeoLongitude DnsResponseIpLatitude DnsResponseIpLongitude',
    bool: 'DnsFlagsAuthenticated DnsFlagsAuthoritative DnsFlagsCheckingDisabled DnsFlagsRecursionAvailable DnsFlagsRecursionDesired DnsFlagsTruncated DnsFlagsZ ThreatIsActive',
    datetime: 'ThreatFirstReportedTime ThreatLastReportedTime',
  }),
  imFileEvent: cols({
    datetime: 'TargetFileCreationTime SrcFileCreationTime ThreatFirstReportedTime ThreatLastReportedTime',
    long: 'TargetFileSize SrcFileSize',
    int: 'SrcPortNumber RuleNumber ThreatRiskLevel ThreatConfidence',
    real: 'SrcGeoLatitude SrcGeoLongitude',
    bool: 'ThreatIsActive',
  }),
  imNetworkSession: cols({
    int: 'EventCount NetworkDuration NetworkIcmpCode DstPortNumber SrcPortNumber DstNatPortNumber SrcNatPortNumber NetworkRuleNumber ThreatRiskLevel ThreatConfidence',
    long: 'DstBytes SrcBytes NetworkBytes DstPackets SrcPackets NetworkPackets',
    bool: 'TcpFlagsAck TcpFlagsFin TcpFlagsSyn TcpFlagsUrg TcpFlagsPsh TcpFlagsRst TcpFlagsEce TcpFlagsCwr TcpFlagsNs ThreatIsActive',
    real: 'DstGeoLatitude DstGeoLongitude SrcGeoLatitude SrcGeoLongitude',
    datetime: 'ThreatFirstReportedTime ThreatLastReportedTime',
  }),
  imProcessCreate: cols({
    bool: 'ActingProcessIsHidden ParentProcessIsHidden TargetProcessIsHidden',
    datetime: 'ActingProcessCreationTime ParentProcessCreationTime TargetProcessCreationTime',
    long: 'ActingProcessFileSize',
  }),
  imRegistry: {},
  imWebSession: cols({
    int: 'HttpRequestTime HttpResponseTime',
    long: 'FileSize',
  }),
  AADSignInEventsBeta: cols({
    datetime: 'Timestamp LastPasswordChangeTimestamp',
    int: 'ErrorCode IsExternalUser IsManaged IsCompliant TokenIssuerType RiskLevelAggregated RiskDetails RiskState ConditionalAccessStatus',
    bool: 'IsGuestUser',
  }),
  AADSpnSignInEventsBeta: cols({
    datetime: 'Timestamp',
    bool: 'IsManagedIdentity',
    int: 'ErrorCode',
  }),
  AlertEvidence: cols({
    datetime: 'Timestamp',
    long: 'FileSize',
    int: 'ApplicationId',
  }),
  AlertInfo: cols({
    datetime: 'Timestamp',
  }),
  BehaviorEntities: cols({
    datetime: 'Timestamp',
    long: 'FileSize',
    int: 'ApplicationId',
  }),
  BehaviorInfo: cols({
    datetime: 'Timestamp StartTime EndTime',
  }),
  CloudAppEvents: cols({
    datetime: 'Timestamp',
    int: 'ApplicationId',
    bool: 'IsAdminOperation IsAnonymousProxy IsExternalUser IsImpersonated',
    dynamic: 'ActivityObjects IPTags UserAgentTags RawEventData AdditionalFields SessionData',
  }),
  CloudAuditEvents: cols({
    datetime: 'Timestamp',
    bool: 'IsAnonymousProxy',
    dynamic: 'RawEventData AdditionalFields',
  }),
  DeviceEvents: cols({
    datetime: 'Timestamp ProcessCreationTime InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    long: 'FileSize ProcessId LogonId InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId InitiatingProcessLogonId ReportId InitiatingProcessSessionId CreatedProcessSessionId',
    int: 'RemotePort LocalPort',
    bool: 'IsInitiatingProcessRemoteSession IsProcessRemoteSession',
  }),
  DeviceFileCertificateInfo: cols({
    datetime: 'Timestamp CertificateCreationTime CertificateExpirationTime CertificateCountersignatureTime',
    bool: 'IsSigned IsTrusted IsRootSignerMicrosoft',
    long: 'ReportId',
  }),
  DeviceFileEvents: cols({
    datetime: 'Timestamp InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    long: 'FileSize InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId ReportId InitiatingProcessSessionId',
    int: 'RequestSourcePort',
    bool: 'IsAzureInfoProtectionApplied IsInitiatingProcessRemoteSession',
  }),
  DeviceImageLoadEvents: cols({
    datetime: 'Timestamp InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    long: 'FileSize InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId ReportId InitiatingProcessSessionId',
    bool: 'IsInitiatingProcessRemoteSession',
  }),
  DeviceInfo: cols({
    datetime: 'Timestamp',
    long: 'OSBuild ReportId',
    bool: 'IsAzureADJoined IsInternetFacing IsExcluded',
  }),
  DeviceLogonEvents: cols({
    datetime: 'Timestamp InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    bool: 'IsLocalAdmin IsInitiatingProcessRemoteSession',
    long: 'LogonId InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId ReportId InitiatingProcessSessionId',
    int: 'RemotePort',
  }),
  DeviceNetworkEvents: cols({
    datetime: 'Timestamp InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    int: 'RemotePort LocalPort',
    long: 'InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId ReportId InitiatingProcessSessionId',
    bool: 'IsInitiatingProcessRemoteSession',
  }),
  DeviceNetworkInfo: cols({
    datetime: 'Timestamp',
    long: 'ReportId',
  }),
  DeviceProcessEvents: cols({
    datetime: 'Timestamp ProcessCreationTime InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    long: 'FileSize ProcessId LogonId InitiatingProcessLogonId InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId ReportId InitiatingProcessSessionId CreatedProcessSessionId',
    bool: 'IsInitiatingProcessRemoteSession IsProcessRemoteSession',
  }),
  DeviceRegistryEvents: cols({
    datetime: 'Timestamp InitiatingProcessCreationTime InitiatingProcessParentCreationTime',
    long: 'InitiatingProcessFileSize InitiatingProcessId InitiatingProcessParentId ReportId InitiatingProcessSessionId',
    bool: 'IsInitiatingProcessRemoteSession',
  }),
  DeviceTvmHardwareFirmware: cols({
    dynamic: 'AdditionalFields',
  }),
  DeviceTvmInfoGathering: cols({
    datetime: 'Timestamp LastSeenTime',
    dynamic: 'AdditionalFields',
  }),
  DeviceTvmInfoGatheringKB: cols({
    dynamic: 'Categories',
  }),
  DeviceTvmSecureConfigurationAssessment: cols({
    datetime: 'Timestamp',
    real: 'ConfigurationImpact',
    bool: 'IsCompliant IsApplicable IsExpectedUserImpact',
    dynamic: 'Context',
  }),
  DeviceTvmSecureConfigurationAssessmentKB: cols({
    real: 'ConfigurationImpact',
    dynamic: 'ConfigurationBenchmarks Tags',
  }),
  DeviceTvmSoftwareEvidenceBeta: cols({
    dynamic: 'RegistryPaths DiskPaths',
  }),
  DeviceTvmSoftwareInventory: cols({
    datetime: 'EndOfSupportDate',
  }),
  DeviceTvmSoftwareVulnerabilities: cols({
    dynamic: 'CveTags',
  }),
  DeviceTvmSoftwareVulnerabilitiesKB: cols({
    bool: 'IsExploitAvailable',
    datetime: 'LastModifiedTime PublishedDate',
    dynamic: 'AffectedSoftware',
  }),
  EmailAttachmentInfo: cols({
    datetime: 'Timestamp',
    long: 'FileSize',
  }),
  EmailEvents: cols({
    datetime: 'Timestamp',
    long: 'EmailClusterId',
    int: 'BulkComplaintLevel AttachmentCount UrlCount',
  }),
  EmailPostDeliveryEvents: cols({
    datetime: 'Timestamp',
  }),
  EmailUrlInfo: cols({
    datetime: 'Timestamp',
  }),
  ExposureGraphEdges: cols({
    dynamic: 'SourceNodeCategories TargetNodeCategories EdgeProperties',
  }),
  ExposureGraphNodes: cols({
    dynamic: 'Categories NodeProperties EntityIds',
  }),
  IdentityDirectoryEvents: cols({
    datetime: 'Timestamp',
    int: 'DestinationPort Port',
    dynamic: 'AdditionalFields',
  }),
  IdentityInfo: cols({
    datetime: 'Timestamp CreatedDateTime',
    bool: 'IsAccountEnabled',
    dynamic: 'Tags AssignedRoles',
  }),
  IdentityLogonEvents: cols({
    datetime: 'Timestamp',
    int: 'Port DestinationPort',
    dynamic: 'AdditionalFields',
  }),
  IdentityQueryEvents: cols({
    datetime: 'Timestamp',
    int: 'Port DestinationPort',
    dynamic: 'AdditionalFields',
  }),
  UrlClickEvents: cols({
    datetime: 'Timestamp',
    bool: 'IsClickedThrough',
  }),
});
/** `{ long: 'A B' }` → `{ A: 'long', B: 'long' }`. */
function cols(byType: Partial<Record<KustoColumnType, string>>): Readonly<Record<string, KustoColumnType>> {
  const out: Record<string, KustoColumnType> = {};
  for (const [type, names] of Object.entries(byType) as [KustoColumnType, string][]) {
    for (const name of names.split(' ')) out[name] = type;
  }
  return Object.freeze(out);
}

/** Tables whose columns are documented (every column not listed as another type is a string). */
export const KNOWN_TABLES: ReadonlySet<string> = new Set(Object.keys(COLUMN_TYPES));

/**
 * The type of `column` in `table`: a non-string Kusto type, `'string'` for a documented table's other columns,
 * or undefined when the table is unknown (no pipeline, a custom table).
 */
export function columnType(table: string | undefined, column: string): KustoColumnType | 'string' | undefined {
  if (table === undefined) return undefined;
  const columns = COLUMN_TYPES[table];
  if (!columns) return undefined;
  return columns[column] ?? 'string';
}

/** Every non-string column per table (for tests against tables.json). */
export function nonStringColumns(): Readonly<Record<string, Readonly<Record<string, KustoColumnType>>>> {
  return COLUMN_TYPES;
}
