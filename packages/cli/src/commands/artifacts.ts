import { notImplemented } from '@akerbp-mlops/core';

export default async function artifactsCommand(_args: string[]): Promise<number> {
  notImplemented('mlops artifacts');
}
