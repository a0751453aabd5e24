import fs from 'node:fs';
import path from 'node:path';
import { expect, ready, test } from '../harness/fixture.ts';

test.describe('first run', () => {
  test.use({ appOptions: { store: 'new' } });

  test('creates the encrypted store with a recovery passphrase, refusing a mismatch; then the first supervisor', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Première mise en route' })).toBeVisible();
    await page.getByLabel('Phrase de récupération', { exact: true }).fill('une phrase assez longue');
    await page.getByLabel('Répétez la phrase').fill('une autre phrase longue');
    await page.getByRole('button', { name: 'Créer le coffre chiffré' }).click();
    await expect(page.getByText('Les deux phrases diffèrent.')).toBeVisible();
    expect(fs.existsSync(path.join(app.dataDir, 'keyring.json'))).toBe(false);

    await page.getByLabel('Répétez la phrase').fill('une phrase assez longue');
    await page.getByRole('button', { name: 'Créer le coffre chiffré' }).click();

    // Then the first supervisor (issue 8): a name, a centre, a passphrase of 12 characters or more, twice.
    await expect(page.getByRole('heading', { name: 'Premier·e superviseur·e' })).toBeVisible();
    await expect(page.locator('.shell')).toHaveCount(0);
    await expect(page.getByLabel('Nom affiché')).toBeFocused();
    await page.getByLabel('Nom affiché').fill('Sophie');
    await page.getByLabel('Centre partenaire').fill('CASG Nord');
    await page.getByLabel('Phrase de passe de supervision').fill('trop court');
    await page.getByLabel('Répétez la phrase de passe').fill('trop court');
    await page.getByRole('button', { name: 'Créer le profil de supervision' }).click();
    await expect(page.getByText('Au moins 12 caractères.', { exact: true })).toBeVisible();
    await page.getByLabel('Phrase de passe de supervision').fill('la ligne de Sophie au CASG');
    await page.getByLabel('Répétez la phrase de passe').fill('la ligne de Sophie au CAS');
    await page.getByRole('button', { name: 'Créer le profil de supervision' }).click();
    await expect(page.getByText('Les deux phrases diffèrent.')).toBeVisible();
    await page.getByLabel('Répétez la phrase de passe').fill('la ligne de Sophie au CASG');
    await page.getByRole('button', { name: 'Créer le profil de supervision' }).click();
    await expect(page.getByRole('heading', { name: 'Permanence de Sophie (CASG Nord)' })).toBeVisible();
    const access = (await page.evaluate(() => window.relais!.invoke('access.status', {}))) as { ok: true; value: { needsFirstSupervisor: boolean; profile: { displayName: string; role: string } } };
    expect(access.value.needsFirstSupervisor).toBe(false);
    expect(access.value.profile).toMatchObject({ displayName: 'Sophie', role: 'supervisor' });
    // Main refuses a second "first" supervisor (issue 12: the router, Forbidden; it was the handler's Conflict).
    expect(await page.evaluate(() => window.relais!.invoke('access.createFirstSupervisor', { displayName: 'Autre', centre: 'X', passphrase: 'une autre phrase longue' }))).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
    const db = fs.readFileSync(path.join(app.dataDir, 'relais.db'));
    expect(db.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    const keyring = fs.readFileSync(path.join(app.dataDir, 'keyring.json'), 'utf8');
    expect(keyring).not.toContain('une phrase assez longue');
  });
});

test.describe('locked store', () => {
  test.use({ appOptions: { store: 'locked' } });

  test('a wrong passphrase is explained and changes nothing; the right one opens', async ({ app }) => {
    const { page } = app;
    const before = fs.readdirSync(app.dataDir).map((f) => [f, fs.readFileSync(path.join(app.dataDir, f)).toString('base64')]);
    await page.getByLabel('Phrase de récupération').fill('not the passphrase at all');
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await expect(page.getByRole('alert')).toContainText('Phrase de récupération incorrecte');
    await expect(page.getByLabel('Phrase de récupération')).toBeFocused();
    const after = fs.readdirSync(app.dataDir).map((f) => [f, fs.readFileSync(path.join(app.dataDir, f)).toString('base64')]);
    expect(after).toEqual(before);
    await page.getByLabel('Phrase de récupération').fill(app.passphrase);
    await page.getByRole('button', { name: 'Ouvrir' }).click();
    await expect(page.locator('.shell')).toBeVisible();
  });
});

test('keyboard navigation, help overlay and language switch', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await page.keyboard.press('F1');
  const help = page.getByRole('dialog', { name: 'Raccourcis clavier' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Alt+9')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { name: 'À propos de Relais' })).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(/^\d+\.\d+\.\d+/);

  await page.getByLabel('Langue').selectOption('nl');
  await expect(page.getByRole('heading', { name: 'Over Relais' })).toBeVisible();
  await page.reload();
  await ready(app).catch(() => {});
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' })).toBeVisible();
  await page.getByLabel('Taal').selectOption('en');
  await expect(page.getByRole('button', { name: /Home/ })).toBeVisible();
});

test('the bridge refuses unknown operations and invalid input with typed errors, and stays up', async ({ app }) => {
  await ready(app);
  const { page } = app;
  const results = await page.evaluate(async () => {
    const r = window.relais!;
    return [
      await r.invoke('no.such.op', {}),
      await r.invoke('store.unlock', { passphrase: 42 }),
      await r.invoke('store.unlock', { passphrase: 'x', __proto__: { admin: true }, extra: 'y' }),
      await r.invoke('app.info', {}),
    ];
  });
  expect(results[0]).toMatchObject({ ok: false, error: { code: 'UnknownOperation' } });
  expect(results[1]).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  expect(results[2]).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
  expect(results[3]).toMatchObject({ ok: true });
});

test('the strict CSP blocks inline script', async ({ app }) => {
  await ready(app);
  const ran = await app.page.evaluate(async () => {
    const violated = new Promise<boolean>((resolve) => {
      document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
      setTimeout(() => resolve(false), 1000);
    });
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.appendChild(s);
    return { injected: (window as unknown as { __injected?: boolean }).__injected === true, violated: await violated };
  });
  expect(ran).toEqual({ injected: false, violated: true });
});
