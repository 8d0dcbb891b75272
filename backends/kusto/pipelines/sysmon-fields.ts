/**
 * Sysmon fields that a Defender XDR or ASIM table splits over several columns, declared once as computed fields
 * (src/pipeline/computed.ts): the KQL query defines them with `| extend` and the evaluator computes them the
 * same way, so a rule's values are compared with text of Sysmon's form.
 *
 * - `SysmonTargetObject` (registry tables): Sysmon's TargetObject is the key *and*, for value events, the value
 *   name (`HKLM\…\AeDebug\Debugger`, `…\(Default)` for the default value), with Sysmon's root names (`HKLM`,
 *   `HKU`, `HKCR`, `CurrentControlSet`). The tables keep the key (full root names, `ControlSet001`) and the value
 *   name apart; for a renamed key TargetObject is the old key (XDR PreviousRegistryKey, ASIM RegistryPreviousKey).
 * - `SysmonDetails` (registry tables): Sysmon writes numbers as `DWORD (0x00000001)` / `QWORD (0x…-0x…)`, binary
 *   data as `Binary Data` and an empty string as `(Empty)`; XDR keeps the number in decimal beside a type (Dword,
 *   QWord, Binary, String, ExpandString, MultiString, None), ASIM from XDR the same with the type as Reg_DWord,
 *   Reg_QWord, Reg_Binary, Reg_Sz … — both spellings from Microsoft's ASIM parser for DeviceRegistryEvents
 *   (Azure-Sentinel, Parsers/ASimRegistryEvent/Parsers/ASimRegistryEventMicrosoft365D.yaml; `in` compares
 *   ignoring case). ASIM rows parsed from Sysmon itself (ASimRegistryEventMicrosoftSysmon.yaml) keep Sysmon's
 *   Details text as RegistryValueData with no type, which the last branch passes through unchanged.
 * - `SysmonUser`, `SysmonParentUser` (XDR): Sysmon's `DOMAIN\user`; XDR has AccountDomain and AccountName
 *   (InitiatingProcessAccountDomain/Name for the acting process).
 */
import type { ComputedCondition, ComputedExpression } from '../../../src/pipeline/index.js';

type Item = Readonly<Record<string, unknown>>;

const col = (column: string): ComputedExpression => ({ column });
const text = (t: string): ComputedExpression => ({ text: t });
const replace = (e: ComputedExpression, regex: string, by: string): ComputedExpression => ({ replace: e, regex, with: by });

/** A table's registry key in Sysmon's form: root keys abbreviated, ControlSet00n as CurrentControlSet. */
function sysmonKey(key: ComputedExpression): ComputedExpression {
  let e = replace(key, '^HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\ControlSet\\d+', 'HKLM\\SYSTEM\\CurrentControlSet');
  e = replace(e, '^HKEY_LOCAL_MACHINE', 'HKLM');
  e = replace(e, '^HKEY_CURRENT_USER', 'HKU');
  e = replace(e, '^HKEY_USERS', 'HKU');
  return replace(e, '^HKEY_CLASSES_ROOT', 'HKCR');
}

export interface RegistryColumns {
  readonly table: string;
  /** ActionType (XDR) / EventType (ASIM). */
  readonly action: string;
  readonly key: string;
  readonly previousKey: string;
  readonly valueName: string;
  readonly valueData: string;
  readonly valueType: string;
  /**
   * XDR: the column that holds the deleted value's name. Microsoft's ASIM parser for DeviceRegistryEvents
   * (Azure-Sentinel, Parsers/ASimRegistryEvent/Parsers/ASimRegistryEventMicrosoft365D.yaml) reads a deleted key
   * from PreviousRegistryKey and a deleted value's name from PreviousRegistryValueName; where these are set and
   * RegistryKey / RegistryValueName are empty, they are used.
   */
  readonly previousValueName?: string;
}

/** `column`, or `fallback` where `column` is empty. */
const orElse = (column: string, fallback: string): ComputedExpression => ({
  if: { empty: col(column) },
  then: col(fallback),
  else: col(column),
});

export function sysmonTargetObject(c: RegistryColumns): ComputedExpression {
  const valueEvent: ComputedCondition = { column: c.action, startswith: 'RegistryValue' };
  const key = c.previousValueName === undefined ? col(c.key) : orElse(c.key, c.previousKey);
  const name =
    c.previousValueName === undefined
      ? col(c.valueName)
      : { if: { column: c.action, in: ['RegistryValueDeleted'] }, then: orElse(c.valueName, c.previousValueName), else: col(c.valueName) };
  return {
    if: { column: c.action, in: ['RegistryKeyRenamed'] },
    then: sysmonKey(col(c.previousKey)),
    else: {
      if: valueEvent,
      then: {
        concat: [sysmonKey(key), text('\\'), { if: { empty: name }, then: text('(Default)'), else: name }],
      },
      else: sysmonKey(key),
    },
  };
}

export function sysmonDetails(c: RegistryColumns): ComputedExpression {
  const data = col(c.valueData);
  return {
    if: { column: c.valueType, in: ['Dword', 'Reg_DWord', 'REG_DWORD'] },
    then: { concat: [text('DWORD (0x'), { hex: data, digits: 8 }, text(')')] },
    else: {
      if: { column: c.valueType, in: ['QWord', 'Reg_QWord', 'REG_QWORD'] },
      then: {
        concat: [text('QWORD (0x'), { hex: data, digits: 8, shift: 32 }, text('-0x'), { hex: data, digits: 8, shift: 0 }, text(')')],
      },
      else: {
        if: { column: c.valueType, in: ['Binary', 'Reg_Binary', 'REG_BINARY'] },
        then: text('Binary Data'),
        else: { if: { empty: data }, then: text('(Empty)'), else: data },
      },
    },
  };
}

/** `DOMAIN\user` from a domain and a name column (the name alone when the domain is empty). */
export function sysmonAccount(domain: string, name: string): ComputedExpression {
  return { if: { empty: col(domain) }, then: col(name), else: { concat: [col(domain), text('\\'), col(name)] } };
}

/** A computed_field item that applies when the rule's query table is `table`. */
export function computedFieldItem(id: string, table: string, field: string, expression: ComputedExpression): Item {
  return {
    id,
    type: 'computed_field',
    field,
    expression,
    rule_conditions: [{ type: 'processing_state', key: 'query_table', val: table }],
  };
}

/** Each table's columns with the names of the computed fields declared for it (for the invalid-field checks). */
export function withComputedNames<T extends Readonly<Record<string, string>>>(
  tables: Readonly<Record<string, T>>,
  computed: Readonly<Record<string, readonly string[]>>,
): Readonly<Record<string, Readonly<Record<string, string>>>> {
  return Object.fromEntries(
    Object.entries(tables).map(([table, columns]) => [
      table,
      { ...columns, ...Object.fromEntries((computed[table] ?? []).map((name) => [name, 'string'])) },
    ]),
  );
}
