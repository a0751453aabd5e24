import os from 'node:os';
import path from 'node:path';

// Same folder Electron's app.getPath('userData') gives for the product name "Relais", so the
// CLI and the app agree without Electron. RELAIS_DATA_DIR overrides (tests, portable installs).
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.RELAIS_DATA_DIR) return path.resolve(env.RELAIS_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Relais');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Relais');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Relais');
}
