"""Evolution: edit formats, the program database, selection, the repair and agent loops."""
