import type { Page } from '@playwright/test';
import { expect, ready, test } from '../harness/fixture.ts';

// Issue 20: the anonymity guard sees what responders actually type. A name after a civility is
// flagged as it is typed and masked in one click, the civility kept; a service of the directory
// named after a person ("Pierre d'Angle") is not a person; a number dictated in words and a
// Dutch name go with Alt+X.

const PIN = '246810';
test.use({ appOptions: { responders: [{ displayName: 'Marie', centre: 'CASG Nord', pin: PIN }] } });

async function startCall(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
  await page.getByRole('button', { name: /^Marie/ }).first().click();
  await page.getByLabel('Votre code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();
  await expect(page.getByText('De permanence : Marie — CASG Nord')).toBeVisible();
  await page.keyboard.press('F2');
  await expect(page.getByTestId('note-composer')).toBeFocused();
}

test('a name is flagged while typing and masked in one click; a directory service named after a person is not', async ({ app }) => {
  await ready(app);
  const { page } = app;
  await startCall(page);
  const composer = page.getByTestId('note-composer');

  await composer.pressSequentially("Mme Dupont rappelle, orientée vers Pierre d'Angle pour la nuit");
  await expect(page.getByText('1 donnée identifiante possible')).toBeVisible();
  const flags = page.locator('.guard-flags');
  await expect(flags.getByText('Nom de personne')).toBeVisible();
  await flags.getByRole('button', { name: 'Masquer', exact: true }).click();
  await expect(composer).toHaveValue("Mme [nom masqué] rappelle, orientée vers Pierre d'Angle pour la nuit");
  await expect(composer, 'the keyboard goes back to the text').toBeFocused();
  await expect(flags).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('note-entry')).toHaveCount(1);

  // Dutch, and a number dictated in words: both flagged, Alt+X masks everything.
  await composer.pressSequentially('hij heet Youssef Amrani, gsm nul vier vijfenzeventig twaalf vierendertig zesenvijftig');
  await expect(page.getByText('2 données identifiantes possibles')).toBeVisible();
  await page.keyboard.press('Alt+X');
  await expect(composer).toHaveValue('hij heet [nom masqué], gsm [téléphone masqué]');
});
