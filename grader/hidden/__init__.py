"""Hidden tests, one module per code problem, named by problem id: a CHECKS dict of check objects."""
