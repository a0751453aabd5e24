import { Menu, Tray, nativeImage, type BrowserWindow } from 'electron';

// A tray icon so a responder can bring Relais back after minimising it during a call.
export function createTray(getWindow: () => BrowserWindow | null, quit: () => void): Tray {
  const icon = nativeImage.createFromDataURL(
    'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAMUlEQVR4nGNgoDbgjq36jw9TpBmvIcRqxmoIqZoxDBk1YFgYQHFCokpSJtYQvJrJAQCcK0M8CoBKjQAAAABJRU5ErkJggg==',
  );
  const tray = new Tray(icon);
  tray.setToolTip('Relais');
  const show = () => {
    const w = getWindow();
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.show();
    w.focus();
  };
  tray.setContextMenu(Menu.buildFromTemplate([{ label: 'Relais', click: show }, { type: 'separator' }, { role: 'quit', click: quit }]));
  tray.on('click', show);
  return tray;
}
