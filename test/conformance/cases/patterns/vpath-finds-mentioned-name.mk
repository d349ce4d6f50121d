# case: vpath accepts a name the makefile mentions as a target, existing or not
vpath %.te vpath-d/
.SECONDARY:
default: vpath-d/a vpath-d/b
vpath-d/a: fail.te
vpath-d/b : fail.te
vpath-d/fail.te:
--- vpath-d/keep
