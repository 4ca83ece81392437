import { notImplemented } from '@akerbp-mlops/core';

export default async function validateCommand(_args: string[]): Promise<number> {
  notImplemented('mlops validate');
}
