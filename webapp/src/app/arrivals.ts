import { notifications } from '@mantine/notifications';
import { useEffect, useRef } from 'react';
import { useOverviewApprovals } from '../approvals/queries';
import { can } from '../auth/permissions';
import { useMe } from '../auth/SessionProvider';
import { useOverviewTasks } from '../tasks/queries';

/** Remembers the ids seen so far and calls `onNew` with ids that were not there at the previous look. */
function useNewIds(ids: string[] | undefined, onNew: (fresh: string[]) => void) {
  const seen = useRef<Set<string> | null>(null);
  const callback = useRef(onNew);
  callback.current = onNew;
  const key = ids?.join(',');
  useEffect(() => {
    if (ids === undefined) return;
    const fresh = seen.current === null ? [] : ids.filter((id) => !seen.current?.has(id));
    seen.current = new Set(ids);
    if (fresh.length > 0) callback.current(fresh);
  }, [key]); // compared by content, not identity
}

/** A notification when new tasks or approvals arrive (the lists are polled every 30 s). */
export function useArrivalNotifications() {
  const me = useMe();
  const tasks = useOverviewTasks();
  const approvals = useOverviewApprovals(can('deals:approve', 'tasks:work')(me));

  const approvalIds = new Set((approvals.data?.items ?? []).map((a) => a.taskId));
  const taskItems = (tasks.data?.items ?? []).filter((t) => !approvalIds.has(t.id));

  useNewIds(
    tasks.data ? taskItems.map((t) => t.id ?? '') : undefined,
    (fresh) => {
      const first = taskItems.find((t) => t.id === fresh[0]);
      notifications.show({
        title: fresh.length === 1 ? 'New task' : `${fresh.length} new tasks`,
        message: fresh.length === 1 ? (first?.name ?? 'A task is waiting for you.') : 'They are in your task list.',
      });
    },
  );
  useNewIds(
    approvals.data ? (approvals.data.items ?? []).map((a) => a.taskId ?? '') : undefined,
    (fresh) => {
      const first = approvals.data?.items?.find((a) => a.taskId === fresh[0]);
      notifications.show({
        color: 'orange',
        title: fresh.length === 1 ? 'New approval' : `${fresh.length} new approvals`,
        message: fresh.length === 1 ? `${first?.dealName ?? 'A deal'} waits for your decision.` : 'They are in your approval inbox.',
      });
    },
  );
}
