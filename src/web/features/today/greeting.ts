/** "Good morning" before noon, "Good afternoon" until 6 pm, then "Good evening", by the browser's clock. */
export function greeting(now: Date = new Date()): string {
  const hour = now.getHours();
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}
