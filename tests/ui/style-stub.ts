/** Stylesheets have no behaviour to test; mapped in place of .css/.scss imports for tests/ui. */
export default {}
