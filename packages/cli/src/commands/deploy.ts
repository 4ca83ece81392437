import { notImplemented } from '@akerbp-mlops/core';

export default async function deployCommand(_args: string[]): Promise<number> {
  notImplemented('mlops deploy');
}
