import { notImplemented } from '@akerbp-mlops/core';

export default async function packageCommand(_args: string[]): Promise<number> {
  notImplemented('mlops package');
}
