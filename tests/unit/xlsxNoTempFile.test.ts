import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/directory/import/readXlsx.ts';
import { worksheetsLast } from '../../src/directory/import/zipSizes.ts';

// Issue 12, "no plaintext on disk": exceljs's streaming reader spools a worksheet that comes
// before the shared strings (the order Excel and exceljs write) to a temporary file. readXlsx
// hands it the zip with the worksheets last, so the sheet is read from memory. The control
// proves the test can fail: exceljs on the file as written does leave a file in the temp folder.

async function workbook(dir: string): Promise<Uint8Array> {
  const file = path.join(dir, 'services.xlsx');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('Services');
  ws.addRow(['id', 'name', 'themes', 'phone']).commit();
  for (let i = 0; i < 300; i++) ws.addRow([`svc-${i}`, `Service confidentiel ${i}`, 'housing', `02 555 ${10 + (i % 90)} ${10 + (i % 89)}`]).commit();
  ws.commit();
  await wb.commit();
  return fs.readFileSync(file);
}

/** Runs `fn` with the process's temp folder pointed at an empty folder; returns what it left there. */
async function leftInTemp(fn: () => Promise<void>): Promise<string[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-xlsx-tmp-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = tmp;
  try {
    await fn();
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  const left = fs.readdirSync(tmp);
  fs.rmSync(tmp, { recursive: true, force: true });
  return left;
}

test('an XLSX import spools nothing to the temp folder, and reads every row', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-xlsx-'));
  const bytes = await workbook(dir);
  const names: string[] = [];
  let rows = 0;
  const left = await leftInTemp(async () => {
    await readXlsx(bytes, 'services.xlsx', (r) => {
      rows++;
      if (rows <= 2) names.push(String(r.values.name));
    });
  });
  assert.deepEqual(left, [], 'nothing written to the temp folder');
  assert.equal(rows, 300);
  assert.ok(names[0]?.includes('Service confidentiel 0'), names[0]);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('control: exceljs on the file as written spools its worksheet to the temp folder', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-xlsx-'));
  const bytes = await workbook(dir);
  let spooled: string[] = [];
  const left = await leftInTemp(async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), { sharedStrings: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) {
      // While the deferred sheet is being read, its spool file is still there.
      spooled = fs.readdirSync(process.env.TMPDIR as string);
      for await (const _row of sheet as AsyncIterable<ExcelJS.Row>) void _row;
    }
  });
  assert.ok(spooled.length + left.length > 0, 'exceljs alone spools the sheet (if not, this test no longer proves anything)');
  fs.rmSync(dir, { recursive: true, force: true });
});

test('worksheetsLast keeps every record, views on the same bytes, sheets at the end', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-xlsx-'));
  const bytes = await workbook(dir);
  const records = worksheetsLast(bytes);
  assert.ok(records);
  const total = records.reduce((n, r) => n + r.byteLength, 0);
  assert.ok(total < bytes.byteLength && total > bytes.byteLength * 0.9, 'all local records, without the central directory');
  assert.ok(records.every((r) => r.buffer === bytes.buffer), 'nothing copied');
  assert.equal(worksheetsLast(bytes.subarray(0, 100)), null, 'a truncated zip is refused');
  fs.rmSync(dir, { recursive: true, force: true });
});
