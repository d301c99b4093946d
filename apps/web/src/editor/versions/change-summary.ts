/** What a version changed, in the few words a list row has room for. */
export function changeSummary(change: {
  size: number;
  stagesAdded: number;
  stagesRemoved: number;
  stagesChanged: number;
  linksChanged: number;
}): string {
  if (change.size === 0) return 'no change';
  const parts = [
    change.stagesAdded > 0 && `+${change.stagesAdded} stage${change.stagesAdded === 1 ? '' : 's'}`,
    change.stagesRemoved > 0 && `−${change.stagesRemoved} removed`,
    change.stagesChanged > 0 && `${change.stagesChanged} changed`,
    change.linksChanged > 0 && `${change.linksChanged} link${change.linksChanged === 1 ? '' : 's'}`,
  ].filter(Boolean);
  const rest = change.size - change.stagesAdded - change.stagesRemoved - change.stagesChanged;
  const other = rest - change.linksChanged;
  if (other > 0) parts.push(`${other} other`);
  return `${change.size} change${change.size === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
