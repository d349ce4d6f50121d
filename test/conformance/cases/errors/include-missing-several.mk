# case: several missing included files
include one.mk two.mk
