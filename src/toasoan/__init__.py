"""toasoan: a news portal and newsroom for Vietnamese public bodies."""
