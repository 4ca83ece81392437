import { notImplemented } from '@akerbp-mlops/core';

export default async function demoCommand(_args: string[]): Promise<number> {
  notImplemented('mlops demo');
}
