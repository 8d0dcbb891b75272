import { describe, expect, it } from 'vitest';
import { errorOf, rule, run, selectionsText } from './helpers.js';

const registryRule = rule(
  `    sel:
        TargetObject|contains:
            - '\\Run\\'
            - 'HKLM\\SYSTEM\\CurrentControlSet\\Services'
        TargetObject|startswith: 'HKLM\\Software'
    condition: sel`,
  'category: registry_set\n    product: windows',
);

describe('replace_string', () => {
  it('replaces with a Python regex and re.sub template, leaving other values alone', () => {
    const { rule: r } = run(
      `transformations:
  - type: replace_string
    regex: '(?i)^HKLM\\\\(\\w+)'
    replacement: 'HKEY_LOCAL_MACHINE\\\\\\1'`,
      registryRule,
    );
    expect(selectionsText(r).sel).toBe(
      '(TargetObject=*\\Run\\*|*HKLM\\SYSTEM\\CurrentControlSet\\Services* AND TargetObject=HKEY_LOCAL_MACHINE\\Software*)',
    );
  });

  it('keeps a wildcard that follows a backslash (pySigma would make it a literal *)', () => {
    const { rule: r } = run(`transformations:\n  - type: replace_string\n    regex: 'Services'\n    replacement: 'Svc'`, registryRule);
    expect(selectionsText(r).sel).toBe('(TargetObject=*\\Run\\*|*HKLM\\SYSTEM\\CurrentControlSet\\Svc* AND TargetObject=HKLM\\Software*)');
  });

  it('turns * in the replacement into a wildcard and \\* into a literal star', () => {
    const r = rule(`    sel:\n        Image: 'C:\\Temp\\a.exe'\n    condition: sel`);
    const { rule: out } = run(`transformations:\n  - type: replace_string\n    regex: '^C:'\n    replacement: '*'`, r);
    const value = out.detection.selections.get('sel')?.items[0];
    expect(value?.kind === 'item' && value.values[0]).toMatchObject({ parts: [{ kind: 'wildcard', char: '*' }, '\\Temp\\a.exe'] });
  });

  it('with skip_special only touches the text between wildcards', () => {
    const r = rule(`    sel:\n        Image|endswith: 'a.exe'\n    condition: sel`);
    const { rule: out } = run(
      `transformations:\n  - type: replace_string\n    regex: '^'\n    replacement: 'X'\n    skip_special: true`,
      r,
    );
    expect(selectionsText(out).sel).toBe('Image=*Xa.exe');
  });
});

describe('map_string, case, regex, set_value, convert_type', () => {
  const r = rule(`    sel:\n        EventType: SetValue\n        Name: CamelCaseName\n        EventID: 4688\n    condition: sel`);

  it('map_string maps whole values to one or several strings', () => {
    const { rule: out } = run(
      `transformations:\n  - type: map_string\n    mapping:\n      SetValue: [RegistryValueSet, RegistryKeyCreated]`,
      r,
    );
    expect(selectionsText(out).sel).toBe('(EventType=RegistryValueSet|RegistryKeyCreated AND Name=CamelCaseName AND EventID=#4688)');
  });

  it('case lowers, uppers or snake_cases string values', () => {
    const cond = `\n    field_name_conditions:\n      - type: include_fields\n        fields: [Name]`;
    expect(selectionsText(run(`transformations:\n  - type: case\n    method: lower${cond}`, r).rule).sel).toContain('Name=camelcasename');
    expect(selectionsText(run(`transformations:\n  - type: case\n    method: upper${cond}`, r).rule).sel).toContain('Name=CAMELCASENAME');
    expect(selectionsText(run(`transformations:\n  - type: case\n    method: snake_case${cond}`, r).rule).sel).toContain(
      'Name=camel_case_name',
    );
  });

  it('regex turns strings into regular expressions (brackets, flag or plain)', () => {
    const s = rule(`    sel:\n        Image|endswith: '\\a.b'\n    condition: sel`);
    expect(selectionsText(run(`transformations:\n  - type: regex`, s).rule).sel).toBe('Image=/.*\\\\[aA]\\.[bB]/');
    expect(selectionsText(run(`transformations:\n  - type: regex\n    method: ignore_case_flag`, s).rule).sel).toBe('Image=/.*\\\\a\\.b/i');
    expect(selectionsText(run(`transformations:\n  - type: regex\n    method: plain`, s).rule).sel).toBe('Image=/.*\\\\a\\.b/');
  });

  it('set_value replaces the values of matching items', () => {
    const { rule: out } = run(
      `transformations:
  - type: set_value
    value: egress
    field_name_conditions:
      - type: include_fields
        fields: [EventType]`,
      r,
    );
    expect(selectionsText(out).sel).toBe('(EventType=egress AND Name=CamelCaseName AND EventID=#4688)');
  });

  it('convert_type str turns numbers into strings; num turns numeric strings into numbers', () => {
    expect(selectionsText(run(`transformations:\n  - type: convert_type\n    target_type: str`, r).rule).sel).toContain('EventID=4688');
    const s = rule(`    sel:\n        Port: '443'\n    condition: sel`);
    expect(selectionsText(run(`transformations:\n  - type: convert_type\n    target_type: num`, s).rule).sel).toBe('Port=#443');
    expect(errorOf(() => run(`transformations:\n  - type: convert_type\n    target_type: num`, r)).code).toBe('pipeline-failure');
  });

  it('reaches values inside expansions (windash)', () => {
    const w = rule(`    sel:\n        CommandLine|windash|contains: ' -enc '\n    condition: sel`);
    const { rule: out } = run(`transformations:\n  - type: case\n    method: upper`, w);
    expect(selectionsText(out).sel).toMatch(/^CommandLine=\{\* -ENC \*,\* \/ENC \*/);
  });
});

describe('hashes_fields', () => {
  const r = rule(
    `    sel:
        Hashes|contains:
            - 'SHA256=AAAA'
            - 'IMPHASH=BBBB'
            - 'MD5=CCCC'
    condition: sel`,
  );

  it('splits Sysmon Hashes into one field per algorithm, or-ed', () => {
    const { rule: out } = run(
      `transformations:\n  - type: hashes_fields\n    valid_hash_algos: [MD5, SHA256, IMPHASH]\n    field_prefix: File`,
      r,
    );
    expect(selectionsText(out).sel).toBe('(FileSHA256=AAAA* OR FileIMPHASH=BBBB* OR FileMD5=CCCC*)');
  });

  it('drops values of other algorithms and fails when none is valid', () => {
    const { rule: out } = run(`transformations:\n  - type: hashes_fields\n    valid_hash_algos: [MD5]`, r);
    expect(selectionsText(out).sel).toBe('MD5=CCCC*');
    const e = errorOf(() => run(`transformations:\n  - type: hashes_fields\n    valid_hash_algos: [SHA1]`, r));
    expect(e.code).toBe('pipeline-failure');
    expect(e.message).toContain('SHA1');
  });

  it('recognises bare hashes by their length', () => {
    const bare = rule(`    sel:\n        Hashes: '${'a'.repeat(40)}'\n    condition: sel`);
    expect(selectionsText(run(`transformations:\n  - type: hashes_fields\n    valid_hash_algos: [SHA1]`, bare).rule).sel).toBe(
      `SHA1=${'a'.repeat(40)}`,
    );
  });
});

describe('placeholders', () => {
  const r = rule(`    sel:\n        User|expand: '%admins%'\n        Image|expand: 'C:\\%dir%\\bin'\n    condition: sel`);

  it('value_placeholders substitutes the pipeline vars (lists give alternatives)', () => {
    const { rule: out } = run(`vars:\n  admins: [root, admin]\n  dir: Temp\ntransformations:\n  - type: value_placeholders`, r);
    expect(selectionsText(out).sel).toBe('(User=root|admin AND Image=C:\\Temp\\bin)');
  });

  it('value_placeholders fails for a placeholder without a variable', () => {
    expect(errorOf(() => run(`transformations:\n  - type: value_placeholders`, r)).code).toBe('pipeline-failure');
  });

  it('wildcard_placeholders replaces the included placeholders by *', () => {
    const { rule: out } = run(`transformations:\n  - type: wildcard_placeholders\n    include: [dir]`, r);
    expect(selectionsText(out).sel).toBe('(User=%admins% AND Image=C:\\*\\bin)');
  });

  it('query_expression_placeholders gives a query expression value (excluded names stay)', () => {
    const { rule: out } = run(
      `transformations:\n  - type: query_expression_placeholders\n    expression: '{field} in {id}'\n    mapping: {admins: admin_list}\n    exclude: [dir]`,
      r,
    );
    expect(selectionsText(out).sel).toBe('(User=query(admin_list) AND Image=C:\\%dir%\\bin)');
    const item = out.detection.selections.get('sel')?.items[0];
    expect(item?.kind === 'item' && item.values[0]).toEqual({ kind: 'query', expression: '{field} in {id}', id: 'admin_list' });
  });
});
