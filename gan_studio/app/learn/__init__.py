"""The Learn tab's live parts: loss formulas with the current values, the model graph, lessons."""
