/** Checks a step log as GitHub renders it: groups neither nest nor stay empty nor stay open. */
export function groupProblems(stdout: string): string[] {
  const problems: string[] = [];
  let open: string | null = null;
  let lines = 0;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) {
      if (open) problems.push(`${line} opened inside ${open}`);
      open = line;
      lines = 0;
    } else if (line.startsWith('::endgroup::')) {
      if (!open) problems.push('::endgroup:: without a group');
      else if (!lines) problems.push(`${open} is empty`);
      open = null;
    } else if (open && line && !line.startsWith('::debug::')) {
      lines++;
    }
  }
  if (open) problems.push(`${open} is never closed`);
  return problems;
}
