import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isAllowedExternal } from '../../main/csp.ts';
import { isTrustedSender } from '../../main/ipcSender.ts';
import { resolveRendererFile } from '../../main/rendererFiles.ts';
import { tempDir } from './helpers/tempStore.ts';

// The Electron-free parts of main's security, tested under plain Node.
test('IPC sender check accepts only our top frame on app://relais', () => {
  const ok = { frameUrl: 'app://relais/index.html', isMainFrame: true, fromKnownWindow: true };
  assert.equal(isTrustedSender(ok), true);
  assert.equal(isTrustedSender({ ...ok, isMainFrame: false }), false);
  assert.equal(isTrustedSender({ ...ok, fromKnownWindow: false }), false);
  assert.equal(isTrustedSender({ ...ok, frameUrl: 'https://evil.example/index.html' }), false);
  assert.equal(isTrustedSender({ ...ok, frameUrl: 'file:///etc/passwd' }), false);
  assert.equal(isTrustedSender({ ...ok, frameUrl: null }), false);
  assert.equal(isTrustedSender({ ...ok, frameUrl: 'not a url' }), false);
});

test('external links open only for allow-listed https origins', () => {
  assert.equal(isAllowedExternal('https://www.allo-aide-sociale.be/contact'), true);
  assert.equal(isAllowedExternal('http://www.allo-aide-sociale.be/'), false);
  assert.equal(isAllowedExternal('https://www.allo-aide-sociale.be.evil.example/'), false);
  assert.equal(isAllowedExternal('https://user:pw@www.allo-aide-sociale.be/'), false);
  assert.equal(isAllowedExternal('javascript:alert(1)'), false);
  assert.equal(isAllowedExternal('file:///C:/Windows'), false);
});

test('renderer files resolve inside the build folder only', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'index.html'), '<html></html>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'a.js'), '');
  assert.equal(resolveRendererFile(dir, '/')?.type, 'text/html; charset=utf-8');
  assert.equal(resolveRendererFile(dir, '/assets/a.js')?.type, 'text/javascript; charset=utf-8');
  for (const evil of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fsecret', '/a\\..\\b', '/%00', '/%E0%A4%A']) {
    assert.equal(resolveRendererFile(dir, evil), null, evil);
  }
  assert.equal(resolveRendererFile(dir, '/missing.js'), null);
});
