// Filled in by the e2e work.
export default {};
