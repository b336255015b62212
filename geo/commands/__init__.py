"""One module per noun of the CLI; each body is a few lines over the library."""
