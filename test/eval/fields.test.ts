import { describe, expect, it } from 'vitest';
import { indexEvent, MAX_EVENT_DEPTH } from '../../src/eval/fields.js';
import { SigmaError } from '../../src/errors.js';

const raw = (event: unknown, field: string) =>
  indexEvent(event)
    .get(field)
    ?.map((v) => v.raw);

/** A Windows event in the evtx JSON form of ../shared/sigma/regression_data. */
const windowsEvent = {
  Event: {
    '#attributes': { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
    System: {
      Provider: { '#attributes': { Name: 'Microsoft-Windows-Sysmon', Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9' } },
      EventID: 1,
      Execution: { '#attributes': { ProcessID: 3308, ThreadID: 4008 } },
      TimeCreated: { '#attributes': { SystemTime: '2025-10-24T23:41:00.601559Z' } },
      Correlation: null,
      Channel: 'Microsoft-Windows-Sysmon/Operational',
    },
    EventData: { Image: 'C:\\Windows\\System32\\cmd.exe', CommandLine: 'cmd /c whoami', ProcessId: 10048 },
  },
};

describe('field index: flat and ECS-style events', () => {
  it('finds top-level fields', () => {
    expect(raw({ Image: 'a.exe', EventID: 4688 }, 'Image')).toEqual(['a.exe']);
    expect(raw({ Image: 'a.exe', EventID: 4688 }, 'EventID')).toEqual([4688]);
  });

  it('finds dotted paths both as nested objects and as literal dotted keys', () => {
    expect(raw({ process: { command_line: 'x' } }, 'process.command_line')).toEqual(['x']);
    expect(raw({ 'process.command_line': 'y' }, 'process.command_line')).toEqual(['y']);
    expect(raw({ process: { 'parent.name': 'z' } }, 'process.parent.name')).toEqual(['z']);
  });

  it('gives every element of an array as a value of the field', () => {
    expect(raw({ tags: ['a', 'b'] }, 'tags')).toEqual(['a', 'b']);
    expect(raw({ dns: { answers: [{ data: '1.1.1.1' }, { data: '8.8.8.8' }] } }, 'dns.answers.data')).toEqual(['1.1.1.1', '8.8.8.8']);
  });

  it('does not invent short names for nested ECS fields', () => {
    expect(raw({ process: { name: 'a' }, file: { name: 'b' } }, 'name')).toBeUndefined();
  });

  it('keeps a JSON null as a present value', () => {
    const ev = indexEvent({ a: null });
    expect(ev.has('a')).toBe(true);
    expect(ev.get('a')?.[0]?.text).toBeNull();
  });

  it('knows objects are present although they are not values', () => {
    const ev = indexEvent({ process: { pe: { company: 'x' } } });
    expect(ev.has('process.pe')).toBe(true);
    expect(ev.get('process.pe')).toBeUndefined();
    expect(ev.has('process.nothing')).toBe(false);
  });

  it('finds keys with spaces under their name without spaces (Defender "Source Name" is SourceName)', () => {
    expect(raw({ 'Source Name': 'Real-Time Protection' }, 'SourceName')).toEqual(['Real-Time Protection']);
    expect(raw({ 'Source Name': 'Real-Time Protection' }, 'Source Name')).toEqual(['Real-Time Protection']);
  });

  it('collects every non-null leaf as text for keyword search', () => {
    const texts = indexEvent({ a: 'x', b: { c: 2, d: null, e: [true] } }).texts.map((v) => v.text);
    expect(texts.sort()).toEqual(['2', 'true', 'x']);
  });

  it('refuses what is not a JSON object, and absurd nesting', () => {
    expect(() => indexEvent([1])).toThrow(SigmaError);
    let deep: unknown = 'x';
    for (let i = 0; i <= MAX_EVENT_DEPTH + 1; i++) deep = { a: deep };
    expect(() => indexEvent(deep)).toThrow(/deeper/);
  });
});

describe('field index: Windows event JSON (Event.System / Event.EventData)', () => {
  it('finds EventData fields by their short names', () => {
    expect(raw(windowsEvent, 'Image')).toEqual(['C:\\Windows\\System32\\cmd.exe']);
    expect(raw(windowsEvent, 'ProcessId')).toEqual([10048]);
  });

  it('finds System fields by their short names', () => {
    expect(raw(windowsEvent, 'EventID')).toEqual([1]);
    expect(raw(windowsEvent, 'Channel')).toEqual(['Microsoft-Windows-Sysmon/Operational']);
  });

  it('names XML attributes Tag_Attribute, as the specification says (Provider_Name, Execution_ProcessID)', () => {
    expect(raw(windowsEvent, 'Provider_Name')).toEqual(['Microsoft-Windows-Sysmon']);
    expect(raw(windowsEvent, 'Execution_ProcessID')).toEqual([3308]);
    expect(raw(windowsEvent, 'TimeCreated_SystemTime')).toEqual(['2025-10-24T23:41:00.601559Z']);
  });

  it('still answers to the full paths', () => {
    expect(raw(windowsEvent, 'Event.EventData.CommandLine')).toEqual(['cmd /c whoami']);
    expect(raw(windowsEvent, 'Event.System.Provider_Name')).toEqual(['Microsoft-Windows-Sysmon']);
  });

  it('reads a #text value next to attributes (EventID with Qualifiers)', () => {
    const ev = { Event: { System: { EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7045 } } } };
    expect(raw(ev, 'EventID')).toEqual([7045]);
    expect(raw(ev, 'EventID_Qualifiers')).toEqual([16384]);
  });

  it('finds UserData fields one element deeper by their short names', () => {
    const ev = {
      Event: {
        UserData: { Operation_ClientFailure: { '#attributes': { xmlns: 'x' }, Operation: 'Start IWbemServices', ClientProcessId: 25920 } },
      },
    };
    expect(raw(ev, 'Operation')).toEqual(['Start IWbemServices']);
    expect(raw(ev, 'ClientProcessId')).toEqual([25920]);
  });

  it('reads <Data Name="X"> items (XML converted to JSON) as fields X', () => {
    const attrs = {
      Event: {
        EventData: { Data: [{ '#attributes': { Name: 'TargetUserName' }, '#text': 'admin' }, { '#attributes': { Name: 'Empty' } }] },
      },
    };
    expect(raw(attrs, 'TargetUserName')).toEqual(['admin']);
    expect(raw(attrs, 'Empty')).toEqual([null]);
    const at = { Event: { EventData: { Data: { '@Name': 'ServiceName', '#text': 'evil' } } } };
    expect(raw(at, 'ServiceName')).toEqual(['evil']);
  });

  it('reads the same form without the Event wrapper', () => {
    expect(raw({ System: { EventID: 4688 }, EventData: { NewProcessName: 'x' } }, 'NewProcessName')).toEqual(['x']);
    expect(raw({ System: { EventID: 4688 } }, 'EventID')).toEqual([4688]);
  });

  it('reads Winlogbeat events (winlog.event_data, winlog.event_id, winlog.channel)', () => {
    const ev = {
      winlog: {
        event_id: 1,
        channel: 'Microsoft-Windows-Sysmon/Operational',
        provider_name: 'Microsoft-Windows-Sysmon',
        event_data: { Image: 'x' },
      },
    };
    expect(raw(ev, 'Image')).toEqual(['x']);
    expect(raw(ev, 'EventID')).toEqual([1]);
    expect(raw(ev, 'Channel')).toEqual(['Microsoft-Windows-Sysmon/Operational']);
    expect(raw(ev, 'Provider_Name')).toEqual(['Microsoft-Windows-Sysmon']);
  });
});

describe('field index: events of one shape', () => {
  const sysmon = (image: string | null, extra?: Record<string, unknown>) => ({
    Event: { System: { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1 }, EventData: { Image: image, ...extra } },
  });

  it('gives each event of a shape its own values, nulls out of its texts', () => {
    const a = indexEvent(sysmon('C:\\a.exe'));
    const b = indexEvent(sysmon(null));
    const c = indexEvent(sysmon('C:\\c.exe'));
    expect(a.get('Image')?.map((v) => v.raw)).toEqual(['C:\\a.exe']);
    expect(b.get('Image')?.map((v) => v.raw)).toEqual([null]);
    expect(c.get('Event.EventData.Image')?.map((v) => v.raw)).toEqual(['C:\\c.exe']);
    expect(b.texts.map((v) => v.raw)).toEqual(['Microsoft-Windows-Sysmon/Operational', 1]);
    expect(c.texts.map((v) => v.raw)).toEqual(['Microsoft-Windows-Sysmon/Operational', 1, 'C:\\c.exe']);
  });

  it('answers a short name that is also a path of the event with that path, after an event where it was not', () => {
    const short = indexEvent(sysmon('C:\\a.exe'));
    const both = indexEvent({ ...sysmon('C:\\a.exe'), Image: 'top' });
    expect(short.get('Image')?.map((v) => v.raw)).toEqual(['C:\\a.exe']);
    expect(both.get('Image')?.map((v) => v.raw)).toEqual(['top']);
  });

  it('offers its names and values as a read-only map too', () => {
    const ev = indexEvent(sysmon('C:\\a.exe', { CommandLine: 'a -x' }));
    expect(ev.fields.size).toBe([...ev.fields.keys()].length);
    expect(ev.fields.get('CommandLine')?.[0]?.lower).toBe('a -x');
    expect(ev.fields.has('Image')).toBe(true);
    expect(ev.fields.has('Nope')).toBe(false);
    expect(new Map([...ev.fields].map(([k, v]) => [k, v.map((x) => x.raw)])).get('EventID')).toEqual([1]);
    expect([...ev.fields.keys()].sort()).toEqual(ev.fieldNames().filter((n) => ev.get(n) !== undefined));
  });
});

describe('field index: events whose keys differ every time', () => {
  it('still answers every event rightly once its shapes are no longer remembered (ids used as keys)', () => {
    // Each event has a key of its own: past the bound on remembered shapes, each shape is worked out per event.
    for (let i = 0; i < 25_000; i++) {
      const ev = indexEvent({ Channel: 'Security', EventID: 4688, [`id-${i}`]: `v${i}`, CommandLine: `cmd ${i}` });
      if (i % 5_000 === 4_999) {
        expect(ev.get(`id-${i}`)?.map((v) => v.raw)).toEqual([`v${i}`]);
        expect(ev.get(`id-${i - 1}`)).toBeUndefined();
        expect(ev.get('CommandLine')?.map((v) => v.lower)).toEqual([`cmd ${i}`]);
        expect(ev.texts.map((v) => v.raw)).toEqual(['Security', 4688, `v${i}`, `cmd ${i}`]);
      }
    }
    // Events of a known shape are not affected.
    const known = indexEvent({ Event: { System: { Channel: 'Security', EventID: 4688 }, EventData: { Image: 'C:\\a.exe' } } });
    expect(known.get('Image')?.[0]?.raw).toBe('C:\\a.exe');
    expect(known.get('EventID')?.[0]?.raw).toBe(4688);
  });
});

describe('field index: events in a SIEM export wrapper', () => {
  it("reads an Elasticsearch hit's _source (a _search response's .hits.hits[]) as the event", () => {
    const hit = {
      _index: '.ds-logs-windows.sysmon_operational-default-2026.12.04-000001',
      _id: 'a1',
      _score: 1,
      _source: { winlog: { channel: 'Microsoft-Windows-Sysmon/Operational', event_id: '1' }, process: { command_line: 'whoami /all' } },
    };
    const ev = indexEvent(hit);
    expect(ev.get('process.command_line')?.map((v) => v.raw)).toEqual(['whoami /all']);
    expect(ev.get('Channel')?.map((v) => v.raw)).toEqual(['Microsoft-Windows-Sysmon/Operational']);
    expect(ev.get('_index')).toBeUndefined();
    expect(ev.source).toEqual({ product: 'windows', services: ['sysmon'], categories: ['process_creation'] });
  });

  it("reads a Splunk JSON export record's result as the event", () => {
    const ev = indexEvent({ preview: false, offset: 0, result: { Image: 'C:\\Windows\\System32\\whoami.exe', _time: '2026-12-04' } });
    expect(ev.get('Image')?.map((v) => v.raw)).toEqual(['C:\\Windows\\System32\\whoami.exe']);
    expect(ev.get('preview')).toBeUndefined();
  });

  it('leaves events that only look alike as they are (a _source without _index, a result without preview)', () => {
    expect(
      indexEvent({ _source: { a: 1 } })
        .get('_source.a')
        ?.map((v) => v.raw),
    ).toEqual([1]);
    expect(
      indexEvent({ result: { code: 0 } })
        .get('result.code')
        ?.map((v) => v.raw),
    ).toEqual([0]);
    expect(
      indexEvent({ result: 'success', preview: false })
        .get('result')
        ?.map((v) => v.raw),
    ).toEqual(['success']);
  });
});
