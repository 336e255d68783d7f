/** The reader's browser asks sites to save data (Save-Data, Chromium's data saver): load nothing ahead. */
export function saveData(): boolean {
  return typeof navigator !== 'undefined' && (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true
}
