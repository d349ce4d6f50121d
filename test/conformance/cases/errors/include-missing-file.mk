# case: a missing included file
include nothere.mk
