import { notImplemented } from '@akerbp-mlops/core';

export default async function functionsCommand(_args: string[]): Promise<number> {
  notImplemented('mlops functions');
}
