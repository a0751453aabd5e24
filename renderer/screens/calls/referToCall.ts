import { call } from '../../bridge.ts';
import { useShift } from './shift.ts';

/**
 * For the directory screen during a call: a function that adds a service to the running
 * call's referrals (ServiceCard's `onRefer`), or undefined when no call is in progress.
 * The console shows the referral when the responder goes back to it (Alt+2).
 */
export function useReferToActiveCall(): ((serviceId: string, serviceName: string) => Promise<boolean>) | undefined {
  const { active } = useShift();
  if (!active) return undefined;
  const callId = active.id;
  return async (serviceId, serviceName) => (await call('calls.addReferral', { callId, serviceId, serviceName })).added;
}
