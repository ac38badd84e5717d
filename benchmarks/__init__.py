"""Performance benchmark of the site and its tools (make bench); not part of the test suite."""
