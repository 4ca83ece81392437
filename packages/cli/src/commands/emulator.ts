import { notImplemented } from '@akerbp-mlops/core';

export default async function emulatorCommand(_args: string[]): Promise<number> {
  notImplemented('mlops emulator');
}
