// Copy text for a responder who must read a number out or paste it into an e-mail. The async
// clipboard API first; the selection-based fallback works without any permission.
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    const active = document.activeElement as HTMLElement | null;
    area.select();
    const ok = (() => {
      try {
        return document.execCommand('copy');
      } catch {
        return false;
      }
    })();
    area.remove();
    active?.focus();
    return ok;
  }
}
