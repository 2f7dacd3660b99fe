/** The words of post-production: the selected photos a retoucher works from, and the queue's own filter. */
export const production = {
  'selected.title': 'Selected photos',
  'selected.cardTitle': 'Customer’s selection',
  'selected.cardText': 'The customer confirmed {count} photos',
  'selected.open': 'Open the selection list',
  'selected.summary': '{count} photos: {included} in the package, {extra} extra',
  'selected.extra': 'Extra',
  'selected.download': 'Download the file names',
  'selected.copy': 'Copy the file names',
  'selected.copied': 'File names copied',
  'selected.hint': 'Find these photos among the originals by number and file name',
  'queue.filterAll': 'All',
  'queue.filterMine': 'My orders',
  'queue.mineEmpty': 'You have not taken any order yet',
} as const
