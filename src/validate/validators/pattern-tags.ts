/** The tag validators that check a namespace's names against a pattern or a fixed list (pySigma's tags.py). */
import type { Validator } from '../types.js';
import { tags } from '../walk.js';
import { replaceScalar } from '../edits.js';

const optionalFix = <T>(fix: T | undefined): { fix?: T } => (fix ? { fix } : {});

function patternTag(id: string, namespace: string, valid: (name: string) => boolean, description: string, expected: string): Validator {
  return {
    id,
    plugin: 'core',
    severity: 'medium',
    description,
    check(ctx) {
      return tags(ctx)
        .filter((t) => t.namespace === namespace && !valid(t.name))
        .map((t) => ({ message: `tag '${t.text}' does not have the form ${expected}`, at: ['tags', t.index] }));
    },
  };
}

// pySigma matches these with re.match: anchored at the start only, unless the pattern says `$`.
export const cartag = patternTag(
  'cartag',
  'car',
  (n) => /^\d{4}-\d{2}-\d{3}$/.test(n),
  'A car.* tag does not have the NNNN-NN-NNN analytic number form.',
  'car.YYYY-MM-NNN (e.g. car.2016-04-005)',
);
export const cvetag = patternTag(
  'cvetag',
  'cve',
  (n) => /^\d+-\d+$/.test(n),
  'A cve.* tag is not of the form YEAR-NUMBER.',
  'cve.YEAR-NUMBER (e.g. cve.2021-44228)',
);
export const detectionTag = patternTag(
  'detection_tag',
  'detection',
  (n) => /^(?:dfir|emerging-threats|threat-hunting)/.test(n),
  'A detection.* tag is not one of dfir, emerging-threats, threat-hunting.',
  'detection.dfir, detection.emerging-threats or detection.threat-hunting',
);
export const stptag = patternTag(
  'stptag',
  'stp',
  (n) => /^[1-5][auk]?$/.test(n),
  'An stp.* tag is not a digit 1-5 optionally followed by a, u or k.',
  'stp.N with N 1-5 and an optional a, u or k (e.g. stp.1u)',
);

const TLP_V1 = new Set(['white', 'green', 'amber', 'red']);
const TLP_V2 = new Set(['clear', 'green', 'amber', 'amber-strict', 'red']);
export const tlptag = patternTag(
  'tlptag',
  'tlp',
  (n) => TLP_V1.has(n) || TLP_V2.has(n),
  'A tlp.* tag is not a TLP 1.0 or 2.0 colour.',
  'a TLP colour (clear, white, green, amber, amber-strict, red)',
);
export const tlpv1Tag = patternTag(
  'tlpv1_tag',
  'tlp',
  (n) => TLP_V1.has(n),
  'A tlp.* tag is not a TLP 1.0 colour (white, green, amber, red).',
  'a TLP 1.0 colour (white, green, amber, red)',
);
export const tlpv2Tag = patternTag(
  'tlpv2_tag',
  'tlp',
  (n) => TLP_V2.has(n),
  'A tlp.* tag is not a TLP 2.0 label (clear, green, amber, amber-strict, red).',
  'a TLP 2.0 label (clear, green, amber, amber-strict, red)',
);

/** D3FEND tactics; techniques are `d3-…` ids. The D3FEND ontology is not shipped offline, so technique ids are
 * accepted by their form and artifact names are not known. */
const D3FEND_TACTICS = new Set(['model', 'harden', 'detect', 'isolate', 'deceive', 'evict', 'restore']);
export const d3fendTag = patternTag(
  'd3_fendtag',
  'd3fend',
  (n) => D3FEND_TACTICS.has(n) || /^d3-[a-z0-9]+$/.test(n),
  'A d3fend.* tag is not a D3FEND tactic or technique id (technique ids are checked by form: d3-…).',
  'a D3FEND tactic (model, harden, detect, isolate, deceive, evict, restore) or technique id (d3-…)',
);

const NAMESPACES = new Set(['attack', 'car', 'cve', 'd3fend', 'detection', 'stp', 'tlp']);
export const namespaceTag: Validator = {
  id: 'namespace_tag',
  plugin: 'core',
  severity: 'medium',
  description: "A tag's namespace is not one of attack, car, cve, d3fend, detection, stp, tlp.",
  check(ctx) {
    return tags(ctx)
      .filter((t) => !NAMESPACES.has(t.namespace))
      .map((t) => ({
        message: `tag '${t.text}' has namespace '${t.namespace}', which is not one of ${[...NAMESPACES].join(', ')}`,
        at: ['tags', t.index],
      }));
  },
};

const TAG_FORMAT = /^[a-z0-9\-_]+\.[a-z0-9\-_.]+$/;
export const tagFormat: Validator = {
  id: 'tag_format',
  plugin: 'core',
  severity: 'medium',
  description: "A tag is not 'namespace.name' in lower-case letters, digits, '-', '_' and '.'.",
  check(ctx) {
    return tags(ctx)
      .filter((t) => !TAG_FORMAT.test(t.text))
      .map((t) => {
        const lower = t.text.toLowerCase();
        const fixable = lower !== t.text && TAG_FORMAT.test(lower);
        return {
          message: fixable
            ? `tag '${t.text}' must be lower case ('${lower}')`
            : `tag '${t.text}' is not 'namespace.name' in lower-case letters, digits, '-', '_' and '.'`,
          at: ['tags', t.index],
          ...(fixable ? optionalFix(replaceScalar(ctx, ['tags', t.index], t.text, lower)) : {}),
        };
      });
  },
};
