export default definePageConfig({
  navigationBarTitleText: '',
  enablePullDownRefresh: true,
  // The next page of results loads when the list is scrolled to within this many px of its end.
  onReachBottomDistance: 120,
})
