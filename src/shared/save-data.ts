/** The reader's browser asks sites to save data (Save-Data, Chromium's data saver): load nothing ahead. */
export function saveData(): boolean {
  return (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true
}
