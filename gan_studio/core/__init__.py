"""Everything that computes. No Qt import anywhere below this package."""
