/** The COGNITE_* variables a bundle or CLI reads, pointing at an in-process emulator. */
import type { RunningEmulator } from '@akerbp-mlops/cdf-emulator';

export function cogniteEnv(emu: RunningEmulator, secret = 'super-secret-value'): Record<string, string> {
  return {
    COGNITE_PROJECT: emu.project,
    COGNITE_OIDC_BASE_URL: emu.url,
    COGNITE_TOKEN_URL: emu.tokenUrl,
    COGNITE_CLIENT_ID_WRITE: 'writer',
    COGNITE_CLIENT_SECRET_WRITE: secret,
  };
}
