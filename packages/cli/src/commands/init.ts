import { notImplemented } from '@akerbp-mlops/core';

export default async function initCommand(_args: string[]): Promise<number> {
  notImplemented('mlops init');
}
