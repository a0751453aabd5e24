import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Clicks an export button and waits until the window says where main saved the file
 * ("Enregistré dans …"): main's save dialog answers into this test's folder (the harness's saver,
 * or the stubbed dialog in Electron). Resolves with the saved file's path, checked to be there.
 */
export async function saveByClicking(page: Page, savedDir: string, button: Locator, fileName: RegExp): Promise<string> {
  await button.click();
  // The notice reads "Enregistré dans <folder>/<name>": the name is matched at its end.
  const notice = page.locator('[data-saved-to]').filter({ hasText: new RegExp(fileName.source.replace(/^\^/, '[\\\\/]'), fileName.flags) });
  await expect(notice).toBeVisible();
  const file = (await notice.getAttribute('data-saved-to')) ?? '';
  expect(path.dirname(file)).toBe(savedDir);
  expect(path.basename(file)).toMatch(fileName);
  expect(fs.existsSync(file)).toBe(true);
  return file;
}
