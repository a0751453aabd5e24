import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppCore } from '../../src/app/appCore.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';

// Issue 16, "done when": one whole shift in Dutch with Chromium started in en-US (a PC bought
// abroad): sign in, take a call, notes, a referral, a callback, close, the shift summary — and on
// every screen visited, no English word, no ISO date, no mm/dd date, no missing key. Labels are
// read from the Dutch locale files, so this journey checks what a Dutch-speaking responder sees.

test.skip(({ shell }) => shell !== 'harness', 'fake time drives the harness core');

const root = path.resolve(import.meta.dirname, '..', '..');
const flat = (o: unknown, p = ''): Array<[string, string]> =>
  Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [[`${p}${k}`, String(v)] as [string, string]]));
const NL = new Map<string, string>();
for (const ns of ['common', 'calls', 'callbacks', 'reports', 'directory']) {
  for (const [k, v] of flat(JSON.parse(fs.readFileSync(path.join(root, 'renderer', 'i18n', 'locales', 'nl', `${ns}.json`), 'utf8')))) NL.set(`${ns}:${k}`, v);
}
/** The Dutch words of a key ("calls:shift.title"), with {{placeholders}} filled. */
function nl(key: string, params: Record<string, string> = {}): string {
  const text = NL.get(key);
  if (text === undefined) throw new Error(`no Dutch text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, p: string) => params[p] ?? `{{${p}}}`);
}

// Words that only English screens use (none is Dutch); a hit names the screen and the sentence.
const ENGLISH = /\b(the|and|with|without|call|calls|callback|callbacks|save|saved|cancel|search|error|invalid|unknown|required|ignored|at most|minutes|today|tomorrow|yesterday|shift|record|referral|notes?)\b/i;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
// A day written after the month: the second number above 12 (03/16/2026).
const US_DATE = /\b(0?[1-9]|1[0-2])\/(1[3-9]|2\d|3[01])\/\d{2,4}\b/;

async function expectAllDutch(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(300);
  const text = await page.locator('body').innerText();
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  // Key names (Shift+Enter, Ctrl+K) are what is printed on the keyboard, not English prose.
  const problems = lines.filter((l) => {
    const prose = l.replace(/\b(?:Shift|Ctrl|Alt)\+\w+/g, '');
    return ENGLISH.test(prose) || ISO_DATE.test(l) || US_DATE.test(l) || l.includes('⟦');
  });
  expect(problems, `${where}: English words, ISO or mm/dd dates, or missing keys`).toEqual([]);
}

test('a whole shift in Dutch in an en-US Chromium: sign in, call, notes, referral, callback, close, shift summary — all Dutch, dates nl-BE', async ({ harnessBrowser }) => {
  const clock = new ManualClock('2026-03-16T09:00:00.000Z'); // Monday 16 March, 10:00 in Brussels
  const h = await openHarnessApp(await harnessBrowser(), { clock, locale: 'en-US', responders: [{ displayName: 'Sanne', centre: 'CAW Brussel', pin: '246810' }] });
  const { page } = h;
  const core: AppCore = h.core;
  try {
    await expect(page.locator('.shell')).toBeVisible();
    // The UI starts in French; the responder switches it to Dutch.
    await page.getByLabel('Langue').first().selectOption('nl');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl-BE');

    // Sign in.
    await page.keyboard.press('Alt+2');
    await expect(page.getByRole('heading', { name: nl('calls:shift.title') })).toBeVisible();
    await expectAllDutch(page, 'profile picker');
    await page.getByRole('button', { name: /^Sanne/ }).click();
    await page.getByLabel(nl('calls:shift.yourPin')).fill('246810');
    await page.getByRole('button', { name: nl('calls:shift.start'), exact: true }).click();
    await expect(page.getByText(nl('calls:console.onShift', { name: 'Sanne', centre: 'CAW Brussel' }))).toBeVisible();

    await page.keyboard.press('Alt+1');
    await expect(page.getByTestId('home-line')).toBeVisible();
    await expectAllDutch(page, 'home');

    // A call: notes, themes, intervention, commune.
    await page.keyboard.press('F2');
    const composer = page.getByTestId('note-composer');
    await expect(composer).toBeFocused();
    // Issue 16, point 7: at 1280×800 the themes and the intervention are on screen without scrolling.
    expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
    // Measured as the console first shows (every scrolled container back at its top).
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('*')) if (el.scrollTop > 0) el.scrollTop = 0;
      window.scrollTo(0, 0);
    });
    const top = async (group: RegExp) => page.locator('fieldset.choice-group').filter({ has: page.locator('legend', { hasText: group }) }).boundingBox();
    const themesBox = await top(/^Thema's/);
    expect((themesBox?.y ?? 0) + (themesBox?.height ?? 0), 'every theme inside the 800 px window').toBeLessThanOrEqual(800);
    const interventionBox = await top(/^Tussenkomsten/);
    expect((interventionBox?.y ?? 0) + (interventionBox?.height ?? 0), 'every intervention inside the 800 px window').toBeLessThanOrEqual(800);
    // Neither the window nor the screen scrolls: only the record pane does (the notes stay put).
    const overflow = await page.evaluate(() => {
      const main = document.querySelector('main.content') as HTMLElement;
      return { window: document.documentElement.scrollHeight - innerHeight, main: main.scrollHeight - main.clientHeight };
    });
    expect(overflow, 'the console fits the window').toEqual({ window: 0, main: 0 });
    // The navigation's timer badge leaves the screen's name whole (was "Oproe…").
    const navLabel = page.locator('nav [data-screen="console"] > span').first();
    await expect(navLabel).toHaveText(nl('calls:nav.console'));
    expect(await navLabel.evaluate((el) => el.scrollWidth <= el.clientWidth), 'the console label is not cut').toBe(true);

    await composer.pressSequentially('Mevrouw belt voor een voedselpakket, het OCMW antwoordt niet.');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('note-entry')).toHaveCount(1);
    await page.getByRole('checkbox', { name: 'Voedselhulp' }).check();
    await page.getByRole('checkbox', { name: /doorverwijzing/i }).first().check();
    await page.getByLabel(nl('calls:record.commune')).selectOption('schaerbeek');
    await expectAllDutch(page, 'console during the call');
    // A referral from the sociale kaart, phoned for the caller with their consent.
    await page.keyboard.press('Alt+D');
    const search = page.getByRole('combobox', { name: new RegExp(nl('calls:referrals.search')) });
    await expect(search).toBeFocused();
    await search.pressSequentially('voedselhulp');
    const options = page.getByRole('listbox', { name: nl('calls:referrals.results') }).getByRole('option');
    await expect(options.first()).toBeVisible();
    await page.keyboard.press('Enter');
    const referral = page.getByTestId('referral');
    await expect(referral).toHaveCount(1);
    // The referral and the outcome are reached within the record pane: the notes stay in view.
    await expect(referral).toBeInViewport();
    await page.locator('select[name="resolution"]').focus();
    await expect(page.locator('select[name="resolution"]')).toBeInViewport();
    await expect(page.getByTestId('note-entry').first()).toBeInViewport();
    expect(await page.evaluate(() => [window.scrollY, document.querySelector('main.content')?.scrollTop]), 'the window never scrolled').toEqual([0, 0]);
    await referral.getByLabel(nl('calls:referrals.contacted')).check();
    await referral.getByLabel(new RegExp(nl('calls:referrals.consent'))).check();
    await referral.getByLabel(nl('calls:referrals.outcome')).selectOption('appointment');
    await expect(page.getByTestId('save-indicator')).toHaveAttribute('data-state', 'saved');
    await expectAllDutch(page, 'console with a referral');

    // A callback from the call (Alt+P), tomorrow morning.
    await page.keyboard.press('Alt+P');
    const form = page.getByRole('form', { name: nl('callbacks:form.title') });
    await expect(form).toBeVisible();
    await form.getByLabel(nl('callbacks:form.consent')).check();
    await form.getByLabel(nl('callbacks:form.phone')).fill('0470 12 34 56');
    await form.getByRole('textbox', { name: nl('callbacks:form.date'), exact: true }).fill('17/03/2026');
    // The suggested start reads on 24 hours in an en-US Chromium (a time input showed "10:00 AM").
    await expect(form.getByLabel(nl('callbacks:form.from'), { exact: true })).toHaveValue(/^([01]\d|2[0-3]):[0-5]\d$/);
    await form.getByLabel(nl('callbacks:form.from'), { exact: true }).fill('10u');
    await form.getByLabel(nl('callbacks:form.to')).fill('1200');
    await form.getByLabel(nl('callbacks:form.reason')).focus();
    await expect(form.getByLabel(nl('callbacks:form.from'), { exact: true })).toHaveValue('10:00');
    await expect(form.getByLabel(nl('callbacks:form.to'))).toHaveValue('12:00');
    await form.getByLabel(nl('callbacks:form.reason')).fill('Nagaan of het OCMW heeft teruggebeld');
    await expectAllDutch(page, 'callback form');
    await form.getByRole('button', { name: nl('callbacks:form.submit') }).click();
    await expect(page.getByTestId('section-upcoming').locator('li')).toHaveCount(1);
    await expectAllDutch(page, 'callbacks queue');
    // The row's "Behandelen" button is whole, inside the queue at 1280×800 (walkthrough finding).
    const fits = await page.getByTestId('section-upcoming').locator('li').first().evaluate((li) => {
      const button = li.querySelector('button.cb-open');
      const box = li.closest('section')?.getBoundingClientRect();
      const b = button?.getBoundingClientRect();
      return Boolean(button && box && b && b.right <= box.right + 0.5 && button.scrollWidth <= button.clientWidth);
    });
    expect(fits, 'the open button of a callback row is not clipped').toBe(true);

    // Back to the call: end it and close the record.
    await page.keyboard.press('Alt+2');
    await page.keyboard.press('F4');
    await expect(page.getByRole('button', { name: new RegExp(nl('calls:console.close')) })).toBeFocused();
    await expectAllDutch(page, 'console, call ended');
    await page.keyboard.press('Alt+C');
    await expect(page.getByText(new RegExp(`^${nl('calls:console.statusClosed')}`)).first()).toBeVisible();
    expect((await core.router.dispatch('calls.list', {})).ok).toBe(true);

    // History, the sociale kaart, the shift summary.
    await page.keyboard.press('Alt+3');
    await expect(page.getByRole('heading', { name: nl('calls:history.title') })).toBeVisible();
    // It opens on main's day (16 March at the test clock), not the browser's, and shows the call just closed.
    const filters = page.getByRole('search');
    await expect(filters.getByRole('textbox', { name: nl('calls:history.from'), exact: true })).toHaveValue('16/03/2026');
    await expect(filters.getByRole('textbox', { name: nl('calls:history.to'), exact: true })).toHaveValue('16/03/2026');
    await expect(page.getByTestId('history-row')).toHaveCount(1);
    await expectAllDutch(page, 'history');
    await page.keyboard.press('Control+K');
    await page.keyboard.type('ocmw schaarbeek');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('service-card')).toBeVisible();
    await expectAllDutch(page, 'sociale kaart with a card');
    await page.keyboard.press('Alt+6');
    // Bilans opens on a useful period at main's clock: no call before March, so March so far (not
    // the browser's last month, all zeros), and says so.
    await expect(page.getByTestId('default-period')).toHaveAttribute('data-rule', 'monthSoFar');
    await expect(page.getByTestId('default-period')).toContainText('maart 2026');
    await expect(page.getByRole('textbox', { name: nl('reports:period.from'), exact: true })).toHaveValue('01/03/2026');
    await expect(page.getByRole('textbox', { name: nl('reports:period.to'), exact: true })).toHaveValue('16/03/2026');
    await expect(page.locator('[data-figure="calls"] dd')).toHaveText('1');
    await expectAllDutch(page, 'bilans');
    await page.getByRole('tab', { name: nl('reports:tabs.shift') }).click();
    await expect(page.locator('.shift-summary')).toBeVisible();
    // It opens on the app's day (main's clock: Monday 16 March), not the browser's date.
    await expect(page.locator('.shift-summary h3')).toContainText('maandag 16 maart 2026');
    await expect(page.getByRole('textbox', { name: nl('reports:shift.day'), exact: true })).toHaveValue('16/03/2026');
    // "Gepland voor die dag" counts the callbacks due that day: the one arranged today is for tomorrow.
    const callbacksRow = (k: string) => page.locator(`.shift-summary [data-callbacks="${k}"] td`);
    await expect(callbacksRow('dueThatDay')).toHaveText('0');
    await expect(callbacksRow('scheduled')).toHaveText('1');
    await expectAllDutch(page, 'shift summary');
    await page.getByRole('textbox', { name: nl('reports:shift.day'), exact: true }).fill('17/03/2026');
    await expect(page.locator('.shift-summary h3')).toContainText('dinsdag 17 maart 2026');
    await expect(callbacksRow('dueThatDay')).toHaveText('1');
    await expect(callbacksRow('scheduled')).toHaveText('0');
    await page.keyboard.press('Alt+9');
    await expectAllDutch(page, 'about');
  } finally {
    await h.close();
  }
});
