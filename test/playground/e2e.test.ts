/**
 * The playground in a real browser: builds the page (or takes PLAYGROUND_DIST), serves it on 127.0.0.1, and
 * drives Debian's Chromium through playwright-core with every request outside 127.0.0.1 blocked.
 * Skips when /usr/bin/chromium is absent (install it with `apt-get install chromium`) or ../shared is absent.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = join(REPO, '..', 'shared');
const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const HAS_SHARED = existsSync(join(SHARED, 'seeds'));
const OUTPUT = join(REPO, 'test-output');
const SCREENSHOT = join(OUTPUT, 'playground.png');

if (!HAS_CHROMIUM) console.warn(`playground e2e skipped: ${CHROMIUM} is absent (install Debian's package: apt-get install -y chromium)`);
else if (!HAS_SHARED) console.warn(`playground e2e skipped: ../shared is absent (expected at ${SHARED})`);

/** The Sentinel KQL the seed document gives for the certificate-export rule. */
function seedKql(): string {
  for (const name of readdirSync(join(SHARED, 'seeds')).sort()) {
    const lines = readFileSync(join(SHARED, 'seeds', name), 'utf8').split(/\r?\n/);
    const at = lines.findIndex((l) => l.trim() === 'KQL (Azure Sentinel)');
    if (at === -1) continue;
    const start = lines.findIndex((l, i) => i > at && l.trim() !== '');
    const end = lines.findIndex((l, i) => i > start && l.trim() === '');
    return lines.slice(start, end === -1 ? undefined : end).join('\n');
  }
  throw new Error('no seed with a "KQL (Azure Sentinel)" section');
}

/** The rule the page starts with, and the line of its condition. */
const EXAMPLE_RULE = readFileSync(join(REPO, 'examples', 'rules', 'proc_creation_win_powershell_export_certificate.yml'), 'utf8');
const CONDITION_LINE = EXAMPLE_RULE.split('\n').findIndex((l) => /^\s+condition:/.test(l)) + 1;

const EVENTS = JSON.stringify(
  [
    {
      Channel: 'Microsoft-Windows-Sysmon/Operational',
      EventID: 1,
      Image: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      CommandLine: 'powershell.exe -c "Export-PfxCertificate -Cert Cert:\\LocalMachine\\My\\1234 -FilePath C:\\Users\\Public\\c.pfx"',
    },
    { Channel: 'Microsoft-Windows-Sysmon/Operational', EventID: 1, Image: 'C:\\Windows\\System32\\whoami.exe', CommandLine: 'whoami /all' },
  ],
  null,
  2,
);

async function buildPage(): Promise<string> {
  const prebuilt = process.env.PLAYGROUND_DIST;
  if (prebuilt) return resolve(prebuilt);
  const outDir = join(OUTPUT, 'playground-dist');
  const { build } = await import('vite');
  await build({
    configFile: join(REPO, 'examples', 'playground', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

describe.skipIf(!HAS_CHROMIUM || !HAS_SHARED)('playground in Chromium', () => {
  let dist: string;
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const blocked: string[] = [];
  const problems: string[] = [];

  const output = (): Promise<string | null> => page.locator('#output code').textContent();

  beforeAll(async () => {
    dist = await buildPage();
    server = await serveStatic(dist);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1') return route.continue();
      blocked.push(url.href);
      return route.abort('blockedbyclient');
    });
    context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    await page.goto(server.url);
    await page.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts with the certificate-export rule converted', async () => {
    expect(await page.locator('#rule-editor .cm-content').textContent()).toContain('Certificate Exported Via PowerShell');
    await expect.poll(() => page.getAttribute('#output', 'data-state')).toBe('ok');
    expect(await output()).toContain('Export-PfxCertificate');
  });

  it("shows the seed's KQL after switching to kusto / sentinel_asim", async () => {
    await page.selectOption('#target', 'kusto');
    await page.selectOption('#pipeline', 'sentinel_asim');
    await expect.poll(output).toBe(seedKql());
    expect(await page.locator('#format').inputValue()).toBe('default');
  });

  it('marks an invalid condition at its line in the editor', async () => {
    await page.locator('#rule-editor .cm-line', { hasText: 'condition: selection' }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(' and not');
    const marker = page.locator('#rule-editor .cm-lintRange-error');
    await marker.first().waitFor({ timeout: 5_000 });
    expect(await page.locator('#rule-editor .cm-line:has(.cm-lintRange-error)').textContent()).toContain('condition: selection and not');
    expect(await page.locator('#rule-editor .cm-lint-marker-error').count()).toBe(1);
    expect(await page.getAttribute('#rule-status', 'data-line')).toBe(String(CONDITION_LINE));
    expect(await page.getAttribute('#output', 'data-state')).toBe('error');
    expect(await page.locator('#copy').isDisabled()).toBe(true);
  });

  it('undoes the edit with Ctrl+Z and converts again', async () => {
    for (let i = 0; i < 10 && (await page.locator('#rule-editor .cm-lintRange-error').count()) > 0; i++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(250);
    }
    await expect.poll(output).toBe(seedKql());
    expect(await page.locator('#rule-editor .cm-lintRange-error').count()).toBe(0);
  });

  it('shows validator findings as warning markers in the editor and still converts', async () => {
    const line = page.locator('#rule-editor .cm-line', { hasText: 'condition: selection' });
    await line.click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('  condition: all of them');
    const warning = page.locator('#rule-editor .cm-lintRange-warning');
    await warning.first().waitFor({ timeout: 5_000 });
    expect(await page.locator('#rule-editor .cm-line:has(.cm-lintRange-warning)').textContent()).toContain('condition: all of them');
    expect(await page.locator('#rule-editor .cm-lintRange-error').count()).toBe(0);
    await expect.poll(() => page.getAttribute('#output', 'data-state')).toBe('ok');
    await warning.first().hover();
    await page.locator('.cm-tooltip-lint').first().waitFor({ timeout: 5_000 });
    expect(await page.locator('.cm-tooltip-lint').first().textContent()).toContain('all_of_them_condition');
    for (let i = 0; i < 10 && (await page.locator('#rule-editor .cm-lintRange-warning').count()) > 0; i++) {
      await page.locator('#rule-editor .cm-content').focus();
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(250);
    }
    await expect.poll(output).toBe(seedKql());
  });

  it('says "match" for a pasted matching event and which selection fired', async () => {
    await page.locator('#events').fill(EVENTS);
    const results = page.locator('#event-results');
    await results.locator('[data-result]').first().waitFor({ timeout: 5_000 });
    const rows = results.locator('li');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('[data-result]').textContent()).toBe('match');
    expect(await rows.nth(0).textContent()).toContain('fired: selection');
    expect(await rows.nth(1).locator('[data-result]').textContent()).toBe('no match');
  });

  it('saves a screenshot of the page with the seed rule converted', async () => {
    mkdirSync(OUTPUT, { recursive: true });
    await page.locator('#events').blur();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    console.log(`playground screenshot: ${SCREENSHOT}`);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('reproduces the rule and the choices from the link', async () => {
    await page.waitForTimeout(300); // the fragment is written after the last change
    const link = page.url();
    expect(link).toContain('#');
    const other = await context.newPage();
    await other.goto(link);
    await other.locator('body[data-ready="true"]').waitFor({ timeout: 15_000 });
    expect(await other.locator('#target').inputValue()).toBe('kusto');
    expect(await other.locator('#pipeline').inputValue()).toBe('sentinel_asim');
    await expect.poll(() => other.locator('#output code').textContent()).toBe(seedKql());
    expect(await other.locator('#events').inputValue()).toBe(EVENTS);
    await other.close();
  });

  it('loads no file from outside the page and requests nothing beyond 127.0.0.1', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html.match(/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi) ?? []).toEqual([]);
    expect(html).toMatch(/http-equiv="Content-Security-Policy"[^>]*connect-src (?:'|&#39;)none/);
    const css = readdirSync(join(dist, 'assets'))
      .filter((f) => f.endsWith('.css'))
      .map((f) => readFileSync(join(dist, 'assets', f), 'utf8'))
      .join('\n');
    expect(css.match(/url\(\s*["']?(?:https?:)?\/\/|@import/gi) ?? []).toEqual([]);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
  });
});
