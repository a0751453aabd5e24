import type { AppCore } from '../../src/app/appCore.ts';
import { callsRepository } from '../../src/calls/callsRepository.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/contract/index.ts';
import { createFoundingCode } from '../../src/hub/enrolment.ts';
import { expect, test } from '../harness/fixture.ts';
import { openHarnessApp } from '../harness/harness.ts';
import { ensureHarnessResponders, ensureHarnessSupervisor, HARNESS_SUPERVISOR } from '../harness/supervisor.ts';
import { startTestHub } from '../unit/helpers/hubServer.ts';
import { newOpenCore, signInSupervisor } from '../unit/helpers/tempStore.ts';

// Issue 15, points 6–7, as a responder meets them: another centre's workstation (a second core)
// and a real hub (PostgreSQL) seed a handover note and an earlier call under a pseudonym; the
// harness's workstation, joined to the same hub, shows the note on its home board with the
// other centre's name, and suggests the earlier call while the pseudonym is typed.

test.skip(({ shell }) => shell !== 'harness', 'the other centre is a second core beside the harness core');

const PIN = '246810';
const RESPONDERS = [{ displayName: 'Marie', centre: 'CPAS Anderlecht', pin: PIN }];

async function op<N extends OperationName>(core: AppCore, name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const r = await core.router.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as OutputOf<N>;
}

test('another centre\'s handover note on the home board, and the repeat-caller suggestion while typing a pseudonym', async ({ harnessBrowser }) => {
  test.setTimeout(120_000);
  const hub = await startTestHub('postgres');
  const other = await newOpenCore({ seedDemo: true });
  try {
    // The other centre (CASG Nord) founds the line's hub, leaves a handover note, closes a call
    // under a pseudonym with an "à savoir" line, and invites this workstation.
    await signInSupervisor(other);
    const { code } = await createFoundingCode(hub.ctx);
    await op(other, 'hub.join', { url: hub.url, code, deviceName: 'Coordination' });
    const invitation = await op(other, 'hub.invite', { centre: 'CPAS Anderlecht' });
    await op(other, 'reports.handover.add', { text: 'Madame du mardi rappellera vers 15 h : son dossier CPAS est prêt.' });
    const repo = callsRepository(other.services.store.database());
    const t0 = new Date('2026-02-02T09:00:00Z');
    const id = repo.start(other.services.session.profileId as string, t0);
    repo.end(id, new Date(t0.getTime() + 60_000), 60_000, new Date(t0.getTime() + 60_000));
    repo.saveRecord(id, { themes: ['housing'], interventions: ['information'], pseudonym: 'Monsieur Lundi', knowThat: 'Préfère qu\'on parle lentement' } as never, t0);
    repo.close(id, new Date(t0.getTime() + 120_000));
    await op(other, 'hub.syncNow', {});

    const h = await openHarnessApp(await harnessBrowser(), {
      responders: RESPONDERS,
      seed: async (core) => {
        // What a supervisor does once in Administration → Hub: join with the invitation, sync.
        const supervisor = ensureHarnessSupervisor(core);
        ensureHarnessResponders(core, RESPONDERS);
        await op(core, 'profiles.signIn', { profileId: supervisor as string, secret: HARNESS_SUPERVISOR.passphrase });
        await op(core, 'hub.join', { url: hub.url, code: invitation.code, deviceName: 'Anderlecht 1' });
        await op(core, 'hub.syncNow', {});
        await op(core, 'profiles.signOut', {});
      },
    });
    try {
      const { page } = h;
      await expect(page.getByRole('heading', { name: 'Qui est de permanence ?' })).toBeVisible();
      await page.getByRole('button', { name: /^Marie/ }).click();
      await page.getByLabel('Votre code PIN').fill(PIN);
      await page.getByRole('button', { name: 'Commencer la permanence', exact: true }).click();

      // Point 6: the other centre's note, with its centre.
      const handover = page.getByTestId('home-handover');
      await expect(handover).toContainText('Madame du mardi rappellera vers 15 h : son dossier CPAS est prêt.');
      await expect(handover).toContainText('Sophie (CASG Nord), à');

      // Point 7: F2 takes a call; typing the pseudonym as heard suggests the earlier call.
      await page.keyboard.press('F2');
      await expect(page.getByTestId('note-composer')).toBeFocused();
      const pseudonym = page.getByLabel('Pseudonyme (facultatif)');
      await pseudonym.pressSequentially('monsieur lundi');
      const hint = page.getByTestId('repeat-caller');
      await expect(hint).toContainText('A déjà appelé une fois');
      await expect(hint).toContainText('aussi connu de : CASG Nord');
      await expect(hint).toContainText('Logement');
      await expect(hint).toContainText('À savoir : « Préfère qu\'on parle lentement »');
      await expect(hint).toContainText('Reconnu par le pseudonyme seulement, pas identifié.');
      await page.screenshot({ path: test.info().outputPath('repeat-caller.png') });
      // Another pseudonym: nothing suggested. And the "à savoir" field is there for this call.
      await pseudonym.fill('Madame Jeudi');
      await expect(hint).toHaveCount(0);
      await expect(page.getByLabel('À savoir', { exact: true })).toBeVisible();
    } finally {
      await h.close();
    }
  } finally {
    other.shutdown();
    await hub.stop();
  }
});
