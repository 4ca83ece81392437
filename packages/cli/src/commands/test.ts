import { notImplemented } from '@akerbp-mlops/core';

export default async function testCommand(_args: string[]): Promise<number> {
  notImplemented('mlops test');
}
